using CsCheck;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Fuzzing;

/// <summary>
/// The parsers that read what users upload, fed the shipped files with random damage: bytes flipped, lines cut,
/// dropped, doubled or swapped, indentation shifted, YAML syntax characters and Thai text inserted. A parser either
/// returns a result or returns its errors with a line and a message in both languages; it never throws, and it never
/// returns a result together with errors. <c>bench/fuzz.sh</c> runs these longer (PMQA_FUZZ_ITERATIONS).
/// </summary>
public sealed class ParserFuzzTests
{
    private static int Iterations => int.TryParse(Environment.GetEnvironmentVariable("PMQA_FUZZ_ITERATIONS"), out var n) && n > 0 ? n * 50 : 200;

    private static string? Seed => Environment.GetEnvironmentVariable("PMQA_FUZZ_SEED") is { Length: > 0 } s ? s : null;

    private static readonly string Pack = File.ReadAllText(RepoFiles.ShippedPacks.First());

    private static readonly Gen<string> Insertions = Gen.OneOfConst(
        ":", "- ", "  ", "\t", "\"", "'", "{", "[", "}", "]", "&a ", "*a", "!!binary ", "? ", "|", ">", "#", "%YAML 1.1\n", "---\n", "...\n",
        "\u0000", "\uFEFF", "ประเด็น", "weight: -1", "weight: 1e999", "code: 1.1", "level: Unknown", "\n", "~", "null");

    /// <summary>One damage to a text made of lines; positions are fractions of the text, so any text takes any damage.</summary>
    private static Gen<Func<string, string>> Damage => Gen.OneOf(
        Gen.Select(Gen.Double[0, 1], Gen.Char, (at, c) => (Func<string, string>)(t => FlipChar(t, at, c))),
        Gen.Select(Gen.Double[0, 1], Insertions, (at, s) => (Func<string, string>)(t => t.Insert((int)(at * t.Length), s))),
        Gen.Double[0, 1].Select(at => (Func<string, string>)(t => t[..(int)(at * t.Length)])),
        Gen.Select(Gen.Double[0, 1], Gen.Int[1, 40], (at, n) => (Func<string, string>)(t => DropLines(t, at, n))),
        Gen.Double[0, 1].Select(at => (Func<string, string>)(t => DoubleLine(t, at))),
        Gen.Select(Gen.Double[0, 1], Gen.Double[0, 1], (a, b) => (Func<string, string>)(t => SwapLines(t, a, b))),
        Gen.Select(Gen.Double[0, 1], Gen.Int[-4, 4], (at, shift) => (Func<string, string>)(t => Indent(t, at, shift))));

    private static Gen<string> Damaged(string original) =>
        Damage.Array[1, 6].Select(damages => damages.Aggregate(original, (text, damage) => damage(text)));

    [Fact]
    public void A_damaged_framework_pack_is_read_or_refused_with_located_messages_never_thrown()
    {
        Damaged(Pack).Sample(yaml =>
        {
            var (pack, errors) = FrameworkPackReader.TryRead(yaml);
            if (pack is not null)
            {
                Assert.Empty(errors);
                return;
            }
            Assert.NotEmpty(errors);
            Assert.All(errors, e =>
            {
                Assert.False(string.IsNullOrWhiteSpace(e.MessageTh));
                Assert.False(string.IsNullOrWhiteSpace(e.MessageEn));
                Assert.True(e.Line >= 0, $"line {e.Line}");
            });
        }, iter: Iterations, seed: Seed, print: Shorten);
    }

    [Fact]
    public void An_undamaged_pack_is_still_read_so_the_damage_is_what_the_fuzzer_measures()
    {
        var (pack, errors) = FrameworkPackReader.TryRead(Pack);
        Assert.Empty(errors);
        Assert.NotNull(pack);
    }

    private const string ServiceFile =
        "ชื่อบริการ,ผู้รับบริการ,ช่องทางปัจจุบัน,ดิจิทัลตลอดกระบวนการ,บริการกลางที่ใช้,ปีเป้าหมาย,หน่วยงานที่รับผิดชอบ,ลิงก์,ใช้ภายใน\n" +
        "ขอรับเบี้ยยังชีพ,ประชาชน,Citizen Portal,ใช่,e-Form;e-Payment,2568,กองสวัสดิการ,https://example.go.th/a,ไม่\n" +
        "\"จดทะเบียน, พาณิชย์\",ภาคธุรกิจ,Biz Portal,ไม่,e-Submission,2569,กองทะเบียน,,ไม่\n" +
        "คัดสำเนาทะเบียน,ประชาชน,ให้บริการที่เคาน์เตอร์เท่านั้น,ไม่,,2570,กองกลาง,,ใช่\n";

    [Fact]
    public void A_damaged_service_file_is_parsed_or_refused_row_by_row_never_thrown()
    {
        Assert.Empty(ServiceCsv.Parse(ServiceFile, 2569).Problems);
        Damaged(ServiceFile).Sample(csv =>
        {
            var result = ServiceCsv.Parse(csv, 2569);
            if (result.Problems.Count == 0) return;
            Assert.All(result.Problems, p =>
            {
                Assert.True(p.Row >= 1, $"row {p.Row}");
                Assert.False(string.IsNullOrWhiteSpace(p.Th));
                Assert.False(string.IsNullOrWhiteSpace(p.En));
            });
        }, iter: Iterations * 5, seed: Seed, print: Shorten);
    }

    private static string FlipChar(string text, double at, char c)
    {
        if (text.Length == 0) return text;
        var i = (int)(at * (text.Length - 1));
        return string.Concat(text.AsSpan(0, i), c.ToString(), text.AsSpan(i + 1));
    }

    private static string DropLines(string text, double at, int count) => EditLines(text, at, (lines, i) => lines.RemoveRange(i, Math.Min(count, lines.Count - i)));

    private static string DoubleLine(string text, double at) => EditLines(text, at, (lines, i) => lines.Insert(i, lines[i]));

    private static string SwapLines(string text, double a, double b) => EditLines(text, a, (lines, i) =>
    {
        var j = (int)(b * (lines.Count - 1));
        (lines[i], lines[j]) = (lines[j], lines[i]);
    });

    private static string Indent(string text, double at, int shift) =>
        EditLines(text, at, (lines, i) => lines[i] = shift > 0 ? new string(' ', shift) + lines[i] : lines[i].TrimStart());

    private static string EditLines(string text, double at, Action<List<string>, int> edit)
    {
        var lines = text.Split('\n').ToList();
        edit(lines, (int)(at * (lines.Count - 1)));
        return string.Join('\n', lines);
    }

    private static string Shorten(string text) => text.Length <= 400 ? text : $"{text.Length} chars: …{text[^400..]}";
}
