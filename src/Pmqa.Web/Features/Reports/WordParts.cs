using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Reports;

/// <summary>
/// The pieces of a Word document in the Thai government's style: TH SarabunPSK 16 pt for every script (the font
/// table names Laksaman as its substitute, the metric-compatible font people without it have), Word's built-in
/// heading styles (so the navigation pane and a table of contents work), tables with borders, A4 with the page
/// number at the top. Text stays text: nothing is drawn as an image.
/// </summary>
public static class WordParts
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Font = "TH SarabunPSK";
    public const string FallbackFont = "Laksaman";
    /// <summary>16 pt in half-points.</summary>
    public const string BodySize = "32";

    public static void AddStyles(MainDocumentPart main)
    {
        main.AddNewPart<StyleDefinitionsPart>().Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = Font, HighAnsi = Font, EastAsia = Font, ComplexScript = Font },
                    new FontSize { Val = BodySize }, new FontSizeComplexScript { Val = BodySize },
                    new Languages { Val = "th-TH", Bidi = "th-TH", EastAsia = "th-TH" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "60", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", 44, null),
            Heading("Heading1", "heading 1", 40, 0),
            Heading("Heading2", "heading 2", 36, 1),
            Heading("Heading3", "heading 3", 32, 2),
            new Style(new StyleName { Val = "TOC Heading" }, new BasedOn { Val = "Heading1" }, new NextParagraphStyle { Val = "Normal" },
                new StyleParagraphProperties(new OutlineLevel { Val = 9 })) { Type = StyleValues.Paragraph, StyleId = "TOCHeading" },
            new Style(new StyleName { Val = "Table Grid" }, new BasedOn { Val = "TableNormal" },
                new StyleTableProperties(new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                    new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 }),
                    new TableCellMarginDefault(new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellLeftMargin { Width = 100, Type = TableWidthValues.Dxa },
                        new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa }, new TableCellRightMargin { Width = 100, Type = TableWidthValues.Dxa })))
                { Type = StyleValues.Table, StyleId = "TableGrid" });
    }

    /// <summary>A built-in heading style (Word recognises "heading 1" … by name): bold, larger, kept with the next
    /// paragraph, at its outline level for the navigation pane and the table of contents.</summary>
    private static Style Heading(string id, string name, int halfPoints, int? outline)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = outline is null ? "0" : "240", After = "120" });
        if (outline is { } level) paragraph.Append(new OutlineLevel { Val = level });
        return new Style(
            new StyleName { Val = name }, new BasedOn { Val = "Normal" }, new NextParagraphStyle { Val = "Normal" }, new UIPriority { Val = 9 }, new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new BoldComplexScript(), new Color { Val = "1F3864" },
                new FontSize { Val = halfPoints.ToString() }, new FontSizeComplexScript { Val = halfPoints.ToString() }))
            { Type = StyleValues.Paragraph, StyleId = id };
    }

    /// <summary>The font table: TH SarabunPSK (Thai character set) with Laksaman as its alternative name.</summary>
    public static void AddFontTable(MainDocumentPart main) =>
        main.AddNewPart<FontTablePart>().Fonts = new Fonts(
            new DocumentFormat.OpenXml.Wordprocessing.Font(new AltName { Val = FallbackFont }, new FontCharSet { Val = "DE" },
                new FontFamily { Val = FontFamilyValues.Swiss }, new Pitch { Val = FontPitchValues.Variable }) { Name = Font },
            new DocumentFormat.OpenXml.Wordprocessing.Font(new FontCharSet { Val = "DE" }, new FontFamily { Val = FontFamilyValues.Swiss },
                new Pitch { Val = FontPitchValues.Variable }) { Name = FallbackFont });

    /// <summary>Word asks to update fields on opening, which fills the table of contents.</summary>
    public static void AddSettings(MainDocumentPart main) =>
        main.AddNewPart<DocumentSettingsPart>().Settings = new Settings(new UpdateFieldsOnOpen { Val = true },
            new ThemeFontLanguages { Val = "en-US", Bidi = "th-TH" });

    /// <summary>A4 portrait, margins 3 cm left, 2.5 cm top, 2 cm right and bottom; the page number centred at the top.</summary>
    public static SectionProperties Section(MainDocumentPart main)
    {
        var header = main.AddNewPart<HeaderPart>();
        header.Header = new Header(new Paragraph(new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }), new Run(new FieldCode(" PAGE ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }), new Run(new Text("1")), new Run(new FieldChar { FieldCharType = FieldCharValues.End })));
        return new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
            new PageSize { Width = 11906, Height = 16838 },
            new PageMargin { Top = 1417, Bottom = 1134, Left = 1701, Right = 1134, Header = 709, Footer = 709, Gutter = 0 });
    }

    /// <summary>A table of contents over heading levels 1–2, filled by Word when it updates fields.</summary>
    public static IEnumerable<OpenXmlElement> ContentsField(string title, string placeholder)
    {
        yield return new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = "TOCHeading" }), new Run(new Text(title)));
        yield return new Paragraph(
            new Run(new FieldChar { FieldCharType = FieldCharValues.Begin, Dirty = true }),
            new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }),
            new Run(new Text(placeholder)),
            new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
    }

    public static Paragraph Heading(int level, string text) => Styled(level == 0 ? "Title" : $"Heading{level}", text);

    public static Paragraph Styled(string style, string text) =>
        new(new ParagraphProperties(new ParagraphStyleId { Val = style }), TextRun(text));

    /// <summary>One paragraph per line of <paramref name="text"/> (blank lines dropped).</summary>
    public static IEnumerable<Paragraph> Paragraphs(string text, bool italic = false) =>
        text.Replace("\r\n", "\n").Split('\n').Where(l => l.Trim().Length > 0).Select(l => new Paragraph(TextRun(l.TrimEnd(), italic: italic)));

    public static Paragraph Line(string text, bool bold = false, bool italic = false) => new(TextRun(text, bold, italic));

    public static Paragraph PageBreakParagraph() => new(new Run(new Break { Type = BreakValues.Page }));

    public static Run TextRun(string text, bool bold = false, bool italic = false)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold) properties.Append(new Bold(), new BoldComplexScript());
            if (italic) properties.Append(new Italic(), new ItalicComplexScript());
            run.Append(properties);
        }
        var parts = SpreadsheetBook.XmlSafe(text).Replace("\r", "").Split('\t');
        for (var i = 0; i < parts.Length; i++)
        {
            if (i > 0) run.Append(new TabChar());
            run.Append(new Text(parts[i]) { Space = SpaceProcessingModeValues.Preserve });
        }
        return run;
    }

    /// <summary>A real Word table across the text width, its header row bold and repeated on every page.</summary>
    public static Table WordTable(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        var table = new Table(new TableProperties(new TableStyle { Val = "TableGrid" }, new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableLook { Val = "04A0", FirstRow = true }));
        table.Append(new TableGrid(header.Select(_ => new GridColumn())));
        table.Append(Row(header, bold: true));
        foreach (var row in rows) table.Append(Row(row, bold: false));
        return table;
    }

    private static TableRow Row(IReadOnlyList<string> cells, bool bold)
    {
        var row = new TableRow();
        if (bold) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells) row.Append(new TableCell(new Paragraph(TextRun(cell, bold))));
        return row;
    }
}
