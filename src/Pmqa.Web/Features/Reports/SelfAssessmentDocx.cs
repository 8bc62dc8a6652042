using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Assessments;
using static Pmqa.Web.Features.Reports.WordParts;
using static Pmqa.Web.Infrastructure.Web.Bilingual;

namespace Pmqa.Web.Features.Reports;

/// <summary>
/// The self-assessment report (รายงานผลการดำเนินการ) as an editable Word document: cover, table of contents, the
/// organisation profile section by section, then per category (Heading 1) and issue (Heading 2) the issue's score,
/// per level its statement, the ticked checklist items and the agency's explanation, the indicators as a Word table
/// and the evidence files by name. The agency edits it and hands it in; the application keeps the answers.
/// </summary>
public static class SelfAssessmentDocx
{
    public static string FileName(SelfAssessmentContent c) =>
        $"pmqa-self-assessment-{c.Assessment.Round!.FiscalYear}-{c.Assessment.Organization!.Code}.docx";

    public static byte[] Build(SelfAssessmentContent c)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main);
            AddFontTable(main);
            AddSettings(main);
            var body = new Body();
            main.Document = new Document(body);
            body.Append(Cover(c));
            body.Append(ContentsField(T("สารบัญ", "Contents"),
                T("สารบัญจะปรากฏเมื่อปรับปรุงเขตข้อมูล (คลิกขวา แล้วเลือก Update Field)", "The contents appear when fields are updated (right-click, Update Field).")));
            body.Append(PageBreakParagraph());
            body.Append(Profile(c));
            foreach (var category in c.Pack.Categories)
            {
                body.Append(Heading(1, T($"หมวด {category.Code} {category.NameTh}", $"Category {category.Code} {category.NameEn}")));
                foreach (var issue in c.Issues.Where(i => category.Issues.Contains(i.Issue))) body.Append(IssueSection(c, issue));
            }
            body.Append(Section(main));
            main.Document.Save();
        }
        return stream.ToArray();
    }

    private static IEnumerable<OpenXmlElement> Cover(SelfAssessmentContent c)
    {
        var org = c.Assessment.Organization!;
        var year = c.Assessment.Round!.FiscalYear;
        yield return Heading(0, T("รายงานผลการดำเนินการตามเกณฑ์คุณภาพการบริหารจัดการภาครัฐ 4.0", "Self-assessment report against the PMQA 4.0 criteria"));
        yield return Line(IsThai ? org.NameTh : org.NameEn, bold: true);
        yield return Line(ThaiTime.FormatFiscalYear(year, IsThai));
        yield return Line(T($"คะแนนประเมินตนเอง {c.Card.RoundedTotal:0.00} คะแนน ({T(c.Card.Status.DisplayName())})",
            $"Self-assessed score {c.Card.RoundedTotal:0.00} ({T(c.Card.Status.DisplayName())})"));
        yield return Line(T("จัดทำเมื่อ ", "Made ") + ThaiTime.FormatDateTime(c.GeneratedAt, IsThai), italic: true);
    }

    private static IEnumerable<OpenXmlElement> Profile(SelfAssessmentContent c)
    {
        yield return Heading(1, T("ลักษณะสำคัญขององค์การ", "Organisation profile"));
        foreach (var (section, text) in c.Profile)
        {
            yield return Heading(2, $"{section.Code} {(IsThai ? section.NameTh : section.NameEn)}");
            if (text.Trim().Length == 0) yield return Line(T("(ยังไม่ได้กรอก)", "(not filled in yet)"), italic: true);
            else foreach (var p in Paragraphs(text)) yield return p;
        }
    }

    private static IEnumerable<OpenXmlElement> IssueSection(SelfAssessmentContent c, SelfAssessmentIssue i)
    {
        var issue = i.Issue;
        yield return Heading(2, $"{issue.Code} {(IsThai ? issue.NameTh : issue.NameEn)}");
        yield return Line(T($"คะแนนประเมินตนเอง {i.Score.Rounded:0.00} · {T(i.Score.Level.DisplayName())}",
            $"Self-assessed score {i.Score.Rounded:0.00} · {T(i.Score.Level.DisplayName())}"), bold: true);
        foreach (var level in issue.Levels)
        {
            yield return Heading(3, T(level.Level.DisplayName()));
            yield return Line(IsThai ? level.StatementTh : level.StatementEn, italic: true);
            var ticked = level.Items.Where(item => i.Checked.Contains(item.Code)).ToList();
            if (issue.Kind == IssueKind.Process)
            {
                yield return Line(T("แนวทางดำเนินการที่หน่วยงานดำเนินการแล้ว", "Checklist items the agency has done"), bold: true);
                if (ticked.Count == 0) yield return Line(T("– ยังไม่มี", "– none yet"));
                foreach (var item in ticked) yield return Line($"☑ {item.Code} {(IsThai ? item.TextTh : item.TextEn)}");
            }
            yield return Line(T("คำอธิบายผลการดำเนินการ", "Explanation"), bold: true);
            if (i.Explanations.TryGetValue(level.Level, out var explanation) && explanation.Trim().Length > 0)
                foreach (var p in Paragraphs(explanation)) yield return p;
            else yield return Line(T("(ยังไม่ได้เขียนคำอธิบาย)", "(no explanation written yet)"), italic: true);
        }
        if (issue.Kind == IssueKind.Results)
        {
            yield return Line(IsThai ? issue.DescriptionTh : issue.DescriptionEn, italic: true);
            yield return Heading(3, T("ตัวชี้วัด", "Indicators"));
            if (i.Indicators.Count == 0) yield return Line(T("(ยังไม่มีตัวชี้วัด)", "(no indicator yet)"), italic: true);
            else yield return Indicators(c.Assessment.Round!.FiscalYear, i.Indicators);
        }
        yield return Heading(3, T("เอกสารหลักฐาน", "Evidence files"));
        if (i.EvidenceFiles.Count == 0) yield return Line(T("(ยังไม่มีเอกสารหลักฐาน)", "(no evidence file yet)"), italic: true);
        for (var n = 0; n < i.EvidenceFiles.Count; n++) yield return Line($"{n + 1}. {i.EvidenceFiles[n]}");
    }

    private static Table Indicators(int year, IReadOnlyList<IndicatorDto> indicators)
    {
        string N(decimal? value) => value?.ToString("#,##0.##", CultureInfo.InvariantCulture) ?? "–";
        string Way(string? d) => T((string.Equals(d, "lower", StringComparison.OrdinalIgnoreCase) ? Domain.Frameworks.Direction.Lower : Domain.Frameworks.Direction.Higher).DisplayName());
        return WordTable(
            [T("ตัวชี้วัด", "Indicator"), T("หน่วย", "Unit"), T("ทิศทาง", "Direction"), T("ค่าเป้าหมาย", "Target"),
             $"{year - 2}", $"{year - 1}", $"{year}", T("ค่าเปรียบเทียบ", "Comparison")],
            indicators.Select(x => (IReadOnlyList<string>)[x.Name ?? "", x.Unit ?? "", Way(x.Direction), N(x.Target), N(x.R2), N(x.R1), N(x.R0),
                x.Comparison is null ? "–" : $"{N(x.Comparison)}{(x.ComparisonSource is { Length: > 0 } s ? $" ({s})" : "")}"]));
    }
}
