using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Pmqa.Web.Tests.Features.Notifications;

/// <summary>An e-mail as the test SMTP server received it, with the subject and body decoded.</summary>
public sealed record ReceivedMail(string From, IReadOnlyList<string> To, string Raw, string Subject, string Body);

/// <summary>
/// A minimal SMTP server on 127.0.0.1 for the tests, speaking just enough of RFC 5321 for
/// the application's MailKit client: 220 greeting, EHLO/HELO 250, MAIL/RCPT 250, DATA 354 … "." 250, RSET/NOOP 250, QUIT 221.
/// Its port is chosen once, so it can be stopped (the mail server is down: connections are refused)
/// and started again on the same port.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<ReceivedMail> _received = new();
    private TcpListener? _listener;
    private CancellationTokenSource? _stop;
    private Task? _accepting;

    public SmtpTestServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
    }

    public int Port { get; }

    public IReadOnlyCollection<ReceivedMail> Received => _received;

    public bool IsRunning => _listener is not null;

    public void Start()
    {
        if (_listener is not null) return;
        var listener = new TcpListener(IPAddress.Loopback, Port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        _stop = new CancellationTokenSource();
        _accepting = AcceptAsync(listener, _stop.Token);
    }

    public async Task StopAsync()
    {
        if (_listener is null) return;
        _stop!.Cancel();
        _listener.Stop();
        try { await _accepting!; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
        _listener = null;
        _stop.Dispose();
    }

    /// <summary>Waits until a message to <paramref name="to"/> has arrived.</summary>
    public async Task<ReceivedMail> WaitForAsync(string to, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < until)
        {
            if (_received.FirstOrDefault(m => m.To.Contains(to, StringComparer.OrdinalIgnoreCase)) is { } mail) return mail;
            await Task.Delay(50);
        }
        throw new TimeoutException($"No e-mail to {to} arrived; received: {string.Join(", ", _received.SelectMany(m => m.To))}");
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task AcceptAsync(TcpListener listener, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            var client = await listener.AcceptTcpClientAsync(ct);
            _ = Task.Run(() => ConverseAsync(client, ct), ct);
        }
    }

    private async Task ConverseAsync(TcpClient client, CancellationToken ct)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, new UTF8Encoding(false));
        await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
        string from = "";
        var to = new List<string>();
        try
        {
            await writer.WriteLineAsync("220 localhost test SMTP server ready");
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO" or "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "RCPT":
                        to.Add(Address(line));
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(ct) is { } dataLine && dataLine != ".")
                            data.Append(dataLine.StartsWith("..") ? dataLine[1..] : dataLine).Append("\r\n");
                        _received.Enqueue(Parse(from, [.. to], data.ToString()));
                        await writer.WriteLineAsync("250 OK: queued");
                        break;
                    case "RSET" or "NOOP":
                        await writer.WriteLineAsync("250 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 Command not implemented");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
        }
    }

    private static string Address(string line) => Regex.Match(line, "<([^>]*)>").Groups[1].Value;

    /// <summary>Splits headers and body, decodes the body's transfer encoding and the subject's encoded words.</summary>
    public static ReceivedMail Parse(string from, IReadOnlyList<string> to, string raw)
    {
        var split = raw.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? raw : raw[..split];
        var body = split < 0 ? "" : raw[(split + 4)..];
        // Unfold continued header lines.
        var headers = Regex.Split(Regex.Replace(head, "\r\n[ \t]+", " "), "\r\n")
            .Select(h => h.Split(':', 2)).Where(p => p.Length == 2)
            .GroupBy(p => p[0].Trim(), StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1].Trim(), StringComparer.OrdinalIgnoreCase);
        var encoding = headers.GetValueOrDefault("Content-Transfer-Encoding", "7bit").ToLowerInvariant();
        var text = encoding switch
        {
            "base64" => Encoding.UTF8.GetString(Convert.FromBase64String(Regex.Replace(body, @"\s", ""))),
            "quoted-printable" => Encoding.UTF8.GetString(QuotedPrintable(body)),
            _ => body,
        };
        return new ReceivedMail(from, to, raw, DecodeWords(headers.GetValueOrDefault("Subject", "")), text);
    }

    /// <summary>RFC 2047: adjacent encoded words are joined as bytes first (a letter may be split between two).</summary>
    private static string DecodeWords(string value)
    {
        var words = Regex.Matches(value, @"=\?([^?]+)\?([BbQq])\?([^?]*)\?=");
        if (words.Count == 0) return value;
        var result = new StringBuilder();
        var bytes = new List<byte>();
        var last = 0;
        foreach (Match w in words)
        {
            var between = value[last..w.Index];
            if (!string.IsNullOrWhiteSpace(between))
            {
                result.Append(Encoding.UTF8.GetString([.. bytes])).Append(between);
                bytes.Clear();
            }
            bytes.AddRange(w.Groups[2].Value is "B" or "b"
                ? Convert.FromBase64String(w.Groups[3].Value)
                : QuotedPrintable(w.Groups[3].Value.Replace('_', ' ')));
            last = w.Index + w.Length;
        }
        return result.Append(Encoding.UTF8.GetString([.. bytes])).Append(value[last..]).ToString();
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        text = text.Replace("=\r\n", "");
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length && Uri.IsHexDigit(text[i + 1]) && Uri.IsHexDigit(text[i + 2]))
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else bytes.AddRange(Encoding.UTF8.GetBytes(text[i].ToString()));
        }
        return [.. bytes];
    }
}
