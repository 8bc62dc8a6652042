using QRCoder;

namespace Pmqa.Web.Features.Certificates;

/// <summary>The QR code printed on a certificate, as a PNG data URI (the printed page loads nothing from outside).</summary>
public static class CertificateQr
{
    public static string DataUri(string text)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var png = new PngByteQRCode(data).GetGraphic(8);
        return "data:image/png;base64," + Convert.ToBase64String(png);
    }
}
