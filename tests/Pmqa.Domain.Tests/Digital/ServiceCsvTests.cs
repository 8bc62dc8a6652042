using Pmqa.Domain.Digital;

namespace Pmqa.Domain.Tests.Digital;

public sealed class ServiceCsvTests
{
    private const int ThisYear = 2569;

    [Fact]
    public void Thai_headers_and_Thai_labels_are_read()
    {
        var csv = "\uFEFFชื่อบริการ,ผู้รับบริการ,ช่องทางปัจจุบัน,ดิจิทัลตลอดกระบวนการ,บริการกลางที่ใช้,ปีเป้าหมาย,หน่วยงานที่รับผิดชอบ,ลิงก์\r\n" +
                  "ขอใบอนุญาตขายสุรา,ภาคธุรกิจ,Biz Portal,ใช่,แบบฟอร์มอิเล็กทรอนิกส์; ชำระเงินอิเล็กทรอนิกส์,2568,กองสรรพสามิต,https://bizportal.go.th/x\r\n";
        var import = ServiceCsv.Parse(csv, ThisYear);
        Assert.True(import.Ok);
        var service = Assert.Single(import.Services);
        Assert.Equal(ServiceChannel.BizPortal, service.Channel);
        Assert.True(service.FullyDigital);
        Assert.Equal(CommonServices.EForm | CommonServices.EPayment, service.CommonServices);
    }

    [Fact]
    public void English_headers_API_names_and_quoted_cells_are_read()
    {
        var csv = "Name,Audience,Channel,Target year,Responsible unit,Common services,Internal\n" +
                  "\"Permit, renewal \"\"fast\"\"\",people,citizenPortal,2570,Registry,eForm|identityVerification,yes\n";
        var service = Assert.Single(ServiceCsv.Parse(csv, ThisYear).Services);
        Assert.Equal("Permit, renewal \"fast\"", service.Name);
        Assert.True(service.Internal);
        Assert.Equal(CommonServices.EForm | CommonServices.IdentityVerification, service.CommonServices);
    }

    [Fact]
    public void Every_bad_row_is_reported_with_its_row_and_field_and_nothing_is_imported()
    {
        var csv = "name,audience,channel,targetYear,responsibleUnit,link\n" +
                  "ขอรับเงินอุดหนุน,people,ownEService,2569,กองคลัง,https://example.go.th/a\n" +   // row 2: good
                  ",people,ownEService,2569,กองคลัง,\n" +                                         // row 3: no name
                  "ต่ออายุบัตร,people,fax,2569,กองทะเบียน,\n" +                                     // row 4: unknown channel
                  "\n" +                                                                           // row 5: blank, skipped
                  "ขอข้อมูล,people,counterOnly,สองพัน,กองกลาง,www.example.go.th\n" +               // row 6: year, link
                  "คัดสำเนา,people,counterOnly,2575,กองกลาง,\n";                                    // row 7: no exception reason
        var import = ServiceCsv.Parse(csv, ThisYear);
        Assert.False(import.Ok);
        Assert.Empty(import.Services);
        Assert.Equal([(3, "name"), (4, "channel"), (6, "targetYear"), (6, "link"), (7, "exceptionReason")],
            import.Problems.Select(p => (p.Row, p.Field)));
        Assert.All(import.Problems, p => Assert.False(string.IsNullOrEmpty(p.Th) || string.IsNullOrEmpty(p.En)));
    }

    [Fact]
    public void Unknown_and_missing_columns_are_reported_at_the_header()
    {
        var import = ServiceCsv.Parse("ชื่อบริการ,สี\nก,แดง\n", ThisYear);
        Assert.All(import.Problems, p => Assert.Equal(1, p.Row));
        Assert.Contains(import.Problems, p => p.En.Contains("\"สี\""));
        Assert.Contains(import.Problems, p => p.Field == "targetYear");
        Assert.Empty(import.Services);
    }

    [Fact]
    public void An_empty_file_or_a_header_alone_is_reported()
    {
        Assert.False(ServiceCsv.Parse("", ThisYear).Ok);
        Assert.Equal(2, Assert.Single(ServiceCsv.Parse("name,audience,channel,targetYear,responsibleUnit\n", ThisYear).Problems).Row);
    }
}
