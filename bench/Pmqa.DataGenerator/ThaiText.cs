using System.Globalization;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;

namespace Pmqa.DataGenerator;

/// <summary>A made-up organisation's subject: its Thai and English wording and the ministry it plausibly sits under.</summary>
public sealed record Subject(string Th, string En, string MinistryCode);

/// <summary>Thai wording for demo data: people, made-up agencies, explanations composed from fragments, file titles.
/// Every organisation, person and figure here is invented.</summary>
public static class ThaiText
{
    // Departments are named "กรม" + subject / "Department of " + subject.
    public static readonly Subject[] DepartmentSubjects =
    [
        new("ส่งเสริมเกษตรอัจฉริยะ", "Smart Agriculture Promotion", "MIN-MOAC"),
        new("พัฒนาระบบชลประทานชุมชน", "Community Irrigation Development", "MIN-MOAC"),
        new("ส่งเสริมการค้าชายแดน", "Border Trade Promotion", "MIN-MOC"),
        new("พัฒนาธุรกิจบริการ", "Service Business Development", "MIN-MOC"),
        new("บริหารทรัพย์สินภาครัฐ", "Public Asset Management", "MIN-MOF"),
        new("พัฒนาระบบการคลังท้องถิ่น", "Local Fiscal Systems Development", "MIN-MOF"),
        new("ส่งเสริมการท่องเที่ยวชุมชน", "Community Tourism Promotion", "MIN-MOTS"),
        new("พัฒนากีฬาเพื่อสุขภาพ", "Sports for Health Development", "MIN-MOTS"),
        new("พัฒนาคุณภาพชีวิตผู้สูงอายุ", "Elderly Quality of Life Development", "MIN-MSDHS"),
        new("ส่งเสริมความเสมอภาคทางสังคม", "Social Equality Promotion", "MIN-MSDHS"),
        new("ส่งเสริมการวิจัยเชิงพื้นที่", "Area-based Research Promotion", "MIN-MHESI"),
        new("พัฒนากำลังคนด้านวิทยาศาสตร์", "Science Workforce Development", "MIN-MHESI"),
        new("พัฒนาโครงข่ายคมนาคมชนบท", "Rural Transport Network Development", "MIN-MOT"),
        new("ความปลอดภัยทางถนน", "Road Safety", "MIN-MOT"),
        new("พัฒนาบริการภาครัฐดิจิทัล", "Digital Government Services Development", "MIN-MDES"),
        new("ส่งเสริมความมั่นคงปลอดภัยไซเบอร์", "Cybersecurity Promotion", "MIN-MDES"),
        new("ฟื้นฟูป่าชุมชน", "Community Forest Restoration", "MIN-MNRE"),
        new("จัดการคุณภาพอากาศ", "Air Quality Management", "MIN-MNRE"),
        new("ส่งเสริมพลังงานหมุนเวียน", "Renewable Energy Promotion", "MIN-MOEN"),
        new("อนุรักษ์พลังงานภาครัฐ", "Public Sector Energy Conservation", "MIN-MOEN"),
        new("พัฒนาการบริหารราชการส่วนภูมิภาค", "Regional Administration Development", "MIN-MOI"),
        new("ส่งเสริมการมีส่วนร่วมของชุมชน", "Community Participation Promotion", "MIN-MOI"),
        new("คุ้มครองสิทธิผู้เสียหาย", "Victims Rights Protection", "MIN-MOJ"),
        new("พัฒนาทักษะแรงงานดิจิทัล", "Digital Labour Skills Development", "MIN-MOL"),
        new("ส่งเสริมการจ้างงานผู้สูงอายุ", "Senior Employment Promotion", "MIN-MOL"),
        new("ส่งเสริมอุตสาหกรรมวัฒนธรรมสร้างสรรค์", "Cultural Creative Industries Promotion", "MIN-MCULT"),
        new("พัฒนาการเรียนรู้ตลอดชีวิต", "Lifelong Learning Development", "MIN-MOE"),
        new("ส่งเสริมการศึกษาทางไกล", "Distance Education Promotion", "MIN-MOE"),
        new("ควบคุมโรคไม่ติดต่อ", "Non-communicable Disease Control", "MIN-MOPH"),
        new("พัฒนาระบบบริการปฐมภูมิ", "Primary Care Services Development", "MIN-MOPH"),
        new("ส่งเสริมอุตสาหกรรมชีวภาพ", "Bio-industry Promotion", "MIN-MOIND"),
        new("พัฒนามาตรฐานอุตสาหกรรมชุมชน", "Community Industry Standards Development", "MIN-MOIND"),
        new("ความร่วมมือเพื่อการพัฒนาระหว่างประเทศ", "International Development Cooperation", "MIN-MFA"),
        new("พัฒนาข้อมูลภาครัฐ", "Government Data Development", "MIN-OPM"),
        new("กิจการพลเรือนเพื่อความมั่นคง", "Civil Affairs for Security", "MIN-MOD"),
    ];

    // Public organisations carry their whole name; " (องค์การมหาชน)" / " (Public Organization)" is added.
    public static readonly Subject[] PublicOrganizationNames =
    [
        new("สำนักงานพัฒนาเศรษฐกิจชุมชนดิจิทัล", "Digital Community Economy Development Agency", "MIN-MDES"),
        new("สถาบันส่งเสริมนวัตกรรมการเกษตร", "Agricultural Innovation Institute", "MIN-MOAC"),
        new("สำนักงานส่งเสริมการจัดประชุมระดับภูมิภาค", "Regional Convention Promotion Bureau", "MIN-MOTS"),
        new("สถาบันพัฒนาบุคลากรภาครัฐดิจิทัล", "Digital Civil Service Academy", "MIN-OPM"),
        new("ศูนย์ความเป็นเลิศด้านการแพทย์ทางไกล", "Telemedicine Centre of Excellence", "MIN-MOPH"),
        new("สำนักงานพัฒนาพื้นที่เศรษฐกิจสีเขียว", "Green Economy Area Development Agency", "MIN-MNRE"),
        new("สถาบันวิจัยระบบขนส่งอัจฉริยะ", "Intelligent Transport Research Institute", "MIN-MOT"),
        new("สำนักงานส่งเสริมวิสาหกิจเพื่อสังคม", "Social Enterprise Promotion Office", "MIN-MSDHS"),
        new("สถาบันพัฒนาทักษะอาชีพแห่งอนาคต", "Future Skills Institute", "MIN-MOL"),
        new("หอจดหมายเหตุดิจิทัลแห่งชาติ", "National Digital Archives", "MIN-MCULT"),
        new("สถาบันส่งเสริมการเรียนรู้วิทยาศาสตร์ชุมชน", "Community Science Learning Institute", "MIN-MHESI"),
        new("สำนักงานพัฒนาพลังงานชุมชน", "Community Energy Development Agency", "MIN-MOEN"),
        new("ศูนย์นวัตกรรมการออกแบบบริการสาธารณะ", "Public Service Design Innovation Centre", "MIN-OPM"),
        new("สถาบันมาตรฐานอาหารปลอดภัย", "Safe Food Standards Institute", "MIN-MOIND"),
        new("สำนักงานส่งเสริมการค้าออนไลน์", "Online Trade Promotion Office", "MIN-MOC"),
        new("สถาบันพัฒนาการศึกษาปฐมวัย", "Early Childhood Education Institute", "MIN-MOE"),
        new("สำนักงานกองทุนยุติธรรมชุมชน", "Community Justice Fund Office", "MIN-MOJ"),
        new("สถาบันพัฒนาการคลังสาธารณะ", "Public Finance Development Institute", "MIN-MOF"),
        new("สำนักงานส่งเสริมเมืองน่าอยู่", "Liveable Cities Promotion Office", "MIN-MOI"),
        new("สถาบันพัฒนาความปลอดภัยทางทะเล", "Maritime Safety Development Institute", "MIN-MOT"),
    ];

    /// <summary>The <paramref name="n"/>-th made-up department (0-based): every subject once, then every subject
    /// as a "สำนักงาน" (office), then numbered, so names stay distinct for any N.</summary>
    public static (string Th, string En, string Ministry) Department(int n, int seed)
    {
        var count = DepartmentSubjects.Length;
        var s = DepartmentSubjects[Mod(n + seed, count)];
        var round = n / count;
        return round switch
        {
            0 => ("กรม" + s.Th, "Department of " + s.En, s.MinistryCode),
            1 => ("สำนักงาน" + s.Th, "Office of " + s.En, s.MinistryCode),
            _ => ($"กรม{s.Th} {round - 1}", $"Department of {s.En} {round - 1}", s.MinistryCode),
        };
    }

    public static (string Th, string En, string Ministry) PublicOrganization(int n, int seed)
    {
        var count = PublicOrganizationNames.Length;
        var s = PublicOrganizationNames[Mod(n + seed, count)];
        var round = n / count;
        var suffix = round == 0 ? "" : $" {round + 1}";
        return ($"{s.Th}{suffix} (องค์การมหาชน)", $"{s.En}{suffix} (Public Organization)", s.MinistryCode);
    }

    private static int Mod(int a, int m) => ((a % m) + m) % m;

    // People -------------------------------------------------------------------------------------------------

    private static readonly string[] FemaleFirst =
        ["สุภาพร", "วรรณา", "กมลชนก", "ณัฐธิดา", "พรทิพย์", "ศิริพร", "อรุณี", "จันทร์เพ็ญ", "ปิยะนุช", "รัตนา", "สุนิสา", "ธนพร", "กัญญารัตน์", "ชนิดา", "เบญจวรรณ", "มณีรัตน์"];
    private static readonly string[] MaleFirst =
        ["สมชาย", "ธนากร", "วีระพงษ์", "ประเสริฐ", "อนุชา", "กิตติพงษ์", "ณัฐวุฒิ", "สุรชัย", "ชัยวัฒน์", "พงศกร", "อภิชาติ", "ศักดิ์ชัย", "ธีรวัฒน์", "วิชัย", "เอกชัย", "ปริญญา"];
    private static readonly string[] LastNames =
        ["ใจดี", "ศรีสุข", "วงศ์ไทย", "รุ่งเรือง", "ทองคำ", "แสงอรุณ", "พิทักษ์ธรรม", "บุญมา", "สุวรรณรัตน์", "เจริญผล", "ศักดิ์สิทธิ์",
         "มั่นคง", "ชัยมงคล", "นาคประเสริฐ", "อินทร์แก้ว", "ประเสริฐศรี", "กาญจนวงศ์", "ศรีวิไล", "พูลสวัสดิ์", "เพชรรัตน์"];

    public static string PersonName(Random r, bool senior = false)
    {
        var female = r.Next(2) == 0;
        var first = female ? Pick(r, FemaleFirst) : Pick(r, MaleFirst);
        var title = senior && r.Next(3) == 0 ? "ดร." : female ? (r.Next(2) == 0 ? "นาง" : "นางสาว") : "นาย";
        return $"{title}{first} {Pick(r, LastNames)}";
    }

    /// <summary>The executive's position as it is written on an approval: อธิบดี…, ผู้ว่าราชการจังหวัด…, ผู้อำนวยการ….</summary>
    public static string ExecutivePosition(OrganizationType type, string nameTh) => type switch
    {
        OrganizationType.Department when nameTh.StartsWith("กรม", StringComparison.Ordinal) => "อธิบดี" + nameTh,
        OrganizationType.Department => "เลขาธิการ" + nameTh,
        OrganizationType.Province => "ผู้ว่าราชการ" + nameTh,
        _ => "ผู้อำนวยการ" + nameTh.Replace(" (องค์การมหาชน)", "", StringComparison.Ordinal),
    };

    /// <summary>How the agency calls itself in its own explanations.</summary>
    public static string SelfReference(OrganizationType type, Random r) => type switch
    {
        OrganizationType.Department => r.Next(3) == 0 ? "ส่วนราชการ" : "กรม",
        OrganizationType.Province => r.Next(3) == 0 ? "จังหวัดโดยคณะกรมการจังหวัด" : "จังหวัด",
        _ => r.Next(2) == 0 ? "หน่วยงาน" : "องค์การ",
    };

    // Explanations -------------------------------------------------------------------------------------------

    private static readonly string[] BasicOpeners =
    [
        "ในปีงบประมาณ พ.ศ. {fy} {self}ได้ดำเนินการในประเด็นนี้อย่างเป็นระบบ ดังนี้",
        "{self}ได้กำหนดแนวทางการดำเนินงานและมอบหมายผู้รับผิดชอบอย่างชัดเจน โดยได้ดำเนินการ ดังนี้",
        "{self}ได้วางระบบการดำเนินงานในเรื่องนี้ตามแนวทางของเกณฑ์ PMQA 4.0 ประกอบด้วย",
        "เพื่อให้การดำเนินงานเป็นไปตามเกณฑ์ระดับพื้นฐาน {self}ได้ดำเนินการ ดังนี้",
    ];
    private static readonly string[] AdvanceOpeners =
    [
        "นอกจากการดำเนินการในระดับพื้นฐานแล้ว {self}ได้ต่อยอดการดำเนินงาน ดังนี้",
        "{self}ได้พัฒนาการดำเนินงานให้ก้าวหน้าขึ้น โดยบูรณาการร่วมกับเครือข่ายทั้งภายในและภายนอก ได้แก่",
        "ในระดับก้าวหน้า {self}ได้ยกระดับการดำเนินงานโดยใช้ข้อมูลและเทคโนโลยีดิจิทัล ดังนี้",
    ];
    private static readonly string[] SignificanceOpeners =
    [
        "การดำเนินงานของ{self}เกิดผลลัพธ์ที่ชัดเจนและเป็นแบบอย่างให้หน่วยงานอื่น ดังนี้",
        "{self}ได้รับการยอมรับในฐานะหน่วยงานต้นแบบในเรื่องนี้ โดยมีผลการดำเนินงานที่โดดเด่น ได้แก่",
        "ผลจากการพัฒนาอย่างต่อเนื่องทำให้{self}บรรลุผลในระดับพัฒนาจนเกิดผล ดังนี้",
    ];
    private static readonly string[] Methods =
    [
        "โดยมีคณะทำงานซึ่งมีผู้บริหารระดับสูงเป็นประธานทำหน้าที่กำกับและติดตามผล",
        "โดยมีการทบทวนทุกไตรมาสและรายงานผลต่อที่ประชุมผู้บริหาร",
        "ผ่านการประชุมคณะผู้บริหารเป็นประจำทุกเดือน",
        "โดยใช้ระบบ Dashboard ผู้บริหารในการติดตามความก้าวหน้าแบบทันการณ์",
        "โดยใช้ระบบติดตามโครงการ (e-Project) เชื่อมโยงข้อมูลทุกหน่วยงานภายใน",
        "ร่วมกับภาคีเครือข่าย ได้แก่ {partners}",
        "โดยเปิดรับฟังความคิดเห็นจากผู้มีส่วนได้ส่วนเสียผ่านช่องทางออนไลน์และการประชุมกลุ่มย่อย",
        "ตามแผนปฏิบัติราชการประจำปีงบประมาณ พ.ศ. {fy} ที่ได้รับความเห็นชอบจากผู้บริหาร",
    ];
    private static readonly string[] Partners =
    [
        "องค์กรปกครองส่วนท้องถิ่น", "สถาบันอุดมศึกษาในพื้นที่", "สภาอุตสาหกรรม", "หอการค้า", "ภาคประชาสังคม",
        "อาสาสมัครในชุมชน", "รัฐวิสาหกิจที่เกี่ยวข้อง", "ภาคเอกชน", "หน่วยงานในสังกัดกระทรวงเดียวกัน",
    ];
    private static readonly string[] BasicResults =
    [
        "ทั้งนี้ได้สื่อสารให้บุคลากรทุกระดับรับทราบผ่านการประชุมและระบบสารบรรณอิเล็กทรอนิกส์ ครอบคลุมบุคลากรร้อยละ {pct}",
        "มีผู้เข้าร่วมกิจกรรมรวม {people} คน จาก {units} หน่วยงาน",
        "ผลการติดตามพบว่าดำเนินการได้ตามแผนร้อยละ {pct}",
        "ผลการดำเนินงานได้รับการรายงานต่อผู้บริหารครบทุกไตรมาส",
    ];
    private static readonly string[] AdvanceResults =
    [
        "ส่งผลให้ความพึงพอใจของผู้รับบริการเพิ่มขึ้นจากร้อยละ {from} เป็นร้อยละ {to}",
        "ส่งผลให้ระยะเวลาการให้บริการลดลงจาก {days1} วัน เหลือ {days2} วัน",
        "ทำให้การเบิกจ่ายงบประมาณเป็นไปตามเป้าหมายร้อยละ {pct}",
        "มีการแลกเปลี่ยนข้อมูลกับหน่วยงานภายนอก {units} หน่วยงานผ่านระบบเชื่อมโยงข้อมูลภาครัฐ",
    ];
    private static readonly string[] SignificanceResults =
    [
        "ผลงานดังกล่าวได้รับรางวัลเลิศรัฐ สาขาบริการภาครัฐ ประจำปี พ.ศ. {prev}",
        "มีหน่วยงานอื่นขอศึกษาดูงานและนำแนวทางไปประยุกต์ใช้แล้ว {units} หน่วยงาน",
        "ผลลัพธ์สำคัญดีกว่าค่าเฉลี่ยของหน่วยงานในกลุ่มเดียวกันติดต่อกัน 3 ปี",
        "ก่อให้เกิดประโยชน์ต่อประชาชนในพื้นที่กว่า {people} คน",
    ];
    private static readonly string[] Closings =
    [
        "รายละเอียดปรากฏตามเอกสารหลักฐานที่แนบ",
        "รายละเอียดตามเอกสารหลักฐานประกอบประเด็น {issue}",
        "และได้เผยแพร่ผลการดำเนินงานบนเว็บไซต์ของหน่วยงานแล้ว",
        "",
    ];
    private static readonly string[] NotYet =
    [
        "ส่วนเรื่อง{item} อยู่ระหว่างดำเนินการ คาดว่าจะแล้วเสร็จภายในไตรมาสที่ {quarter}",
        "สำหรับเรื่อง{item} ได้บรรจุไว้ในแผนพัฒนาองค์การปีงบประมาณ พ.ศ. {next}",
    ];
    private static readonly string[] NothingYet =
    [
        "{self}อยู่ระหว่างการจัดทำแนวทางการดำเนินงานในประเด็นนี้ โดยได้แต่งตั้งคณะทำงานและรวบรวมข้อมูลเบื้องต้นแล้ว คาดว่าจะดำเนินการแล้วเสร็จภายในปีงบประมาณ พ.ศ. {next}",
        "ในปีงบประมาณ พ.ศ. {fy} {self}ได้ศึกษาแนวทางของเกณฑ์ในประเด็นนี้และจัดทำร่างแผนการดำเนินงานแล้ว อยู่ระหว่างเสนอผู้บริหารพิจารณา",
    ];

    /// <summary>An explanation for one level of a process issue: an opener, the ticked items as the agency's
    /// own list, how and with whom, a figure, sometimes what is still missing, and a closing.</summary>
    public static string Explanation(Random r, MaturityLevel level, Issue issue, IReadOnlyList<ChecklistItem> ticked,
        IReadOnlyList<ChecklistItem> missing, string self, int fiscalYear)
    {
        string Fill(string text) => text
            .Replace("{self}", self, StringComparison.Ordinal)
            .Replace("{fy}", fiscalYear.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{next}", (fiscalYear + 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{prev}", (fiscalYear - 1).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{issue}", issue.Code, StringComparison.Ordinal)
            .Replace("{partners}", JoinThai(Partners.OrderBy(_ => r.Next()).Take(2 + r.Next(2)).ToList()), StringComparison.Ordinal)
            .Replace("{pct}", (80 + r.Next(20) + r.Next(10) / 10m).ToString("0.0", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{people}", (120 + r.Next(4800)).ToString("N0", CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{units}", (3 + r.Next(25)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{from}", (70 + r.Next(10)).ToString(CultureInfo.InvariantCulture) + "." + r.Next(10), StringComparison.Ordinal)
            .Replace("{to}", (82 + r.Next(14)).ToString(CultureInfo.InvariantCulture) + "." + r.Next(10), StringComparison.Ordinal)
            .Replace("{days1}", (10 + r.Next(20)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{days2}", (2 + r.Next(7)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{quarter}", (2 + r.Next(3)).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

        if (ticked.Count == 0) return Fill(Pick(r, NothingYet));
        var (openers, results) = level switch
        {
            MaturityLevel.Advance => (AdvanceOpeners, AdvanceResults),
            MaturityLevel.Significance => (SignificanceOpeners, SignificanceResults),
            _ => (BasicOpeners, BasicResults),
        };
        var parts = new List<string> { Fill(Pick(r, openers)) };
        parts.Add(string.Join(" ", ticked.Select((item, n) => $"({n + 1}) {item.TextTh.TrimEnd('.', ' ')}")));
        parts.Add(Fill(Pick(r, Methods)));
        if (r.Next(4) > 0) parts.Add(Fill(Pick(r, results)));
        if (missing.Count > 0 && r.Next(2) == 0)
            parts.Add(Fill(Pick(r, NotYet)).Replace("{item}", Shorten(missing[r.Next(missing.Count)].TextTh), StringComparison.Ordinal));
        parts.Add(Fill(Pick(r, Closings)));
        return string.Join(" ", parts.Where(p => p.Length > 0));
    }

    /// <summary>An item's text without the leading "มี"/"มีการ", to read as a noun after "ส่วนเรื่อง".</summary>
    public static string Shorten(string itemText)
    {
        var text = itemText.TrimEnd('.', ' ');
        if (text.StartsWith("มีการ", StringComparison.Ordinal)) text = "การ" + text[5..];
        else if (text.StartsWith("มี", StringComparison.Ordinal)) text = text[2..];
        var cut = text.IndexOf(' ', StringComparison.Ordinal);
        return cut > 12 ? text[..cut] : text;
    }

    // Evidence -----------------------------------------------------------------------------------------------

    private static readonly Dictionary<string, (string Th, string En)> EvidenceTitles = new()
    {
        ["1.1"] = ("แผนยุทธศาสตร์และการถ่ายทอดวิสัยทัศน์", "Strategic plan and cascading of the vision"),
        ["1.2"] = ("มาตรการป้องกันการทุจริต", "Anti-corruption measures"),
        ["1.3"] = ("การมีส่วนร่วมของเครือข่าย", "Network participation"),
        ["1.4"] = ("การประเมินผลกระทบต่อสังคม", "Social impact assessment"),
        ["2.1"] = ("กระบวนการวางแผนยุทธศาสตร์", "Strategic planning process"),
        ["2.2"] = ("เป้าหมายและตัวชี้วัดเชิงยุทธศาสตร์", "Strategic goals and indicators"),
        ["2.3"] = ("แผนปฏิบัติราชการประจำปี", "Annual action plan"),
        ["2.4"] = ("รายงานการติดตามผลการดำเนินงาน", "Performance monitoring report"),
        ["3.1"] = ("ช่องทางการให้บริการ", "Service channels"),
        ["3.2"] = ("ผลสำรวจความพึงพอใจ", "Satisfaction survey results"),
        ["3.3"] = ("นวัตกรรมการบริการ", "Service innovation"),
        ["3.4"] = ("ระบบจัดการข้อร้องเรียน", "Complaint handling system"),
        ["4.1"] = ("ตัววัดผลการดำเนินงาน", "Performance measures"),
        ["4.2"] = ("การวิเคราะห์ข้อมูลเพื่อแก้ปัญหา", "Data analysis for problem solving"),
        ["4.3"] = ("การจัดการความรู้", "Knowledge management"),
        ["4.4"] = ("แผนดิจิทัลขององค์การ", "Digital plan"),
        ["5.1"] = ("แผนบริหารทรัพยากรบุคคล", "HR management plan"),
        ["5.2"] = ("ระบบงานและสภาพแวดล้อมการทำงาน", "Work systems and environment"),
        ["5.3"] = ("วัฒนธรรมองค์การ", "Organisational culture"),
        ["5.4"] = ("แผนพัฒนาบุคลากร", "Workforce development plan"),
        ["6.1"] = ("กระบวนการทำงานหลัก", "Core work processes"),
        ["6.2"] = ("นวัตกรรมกระบวนการ", "Process innovation"),
        ["6.3"] = ("การลดต้นทุน", "Cost reduction"),
        ["6.4"] = ("การบริหารความเสี่ยงและความต่อเนื่อง", "Risk and continuity management"),
        ["7.1"] = ("ผลลัพธ์ด้านพันธกิจ", "Mission results"),
        ["7.2"] = ("ผลลัพธ์ด้านผู้รับบริการ", "Service user results"),
        ["7.3"] = ("ผลลัพธ์ด้านบุคลากร", "Workforce results"),
        ["7.4"] = ("ผลการประเมิน ITA", "ITA assessment results"),
        ["7.5"] = ("ผลลัพธ์ด้านผลกระทบ", "Impact results"),
        ["7.6"] = ("ผลลัพธ์ด้านการลดต้นทุนและนวัตกรรม", "Cost and innovation results"),
    };

    public static (string Th, string En) EvidenceTitle(Issue issue) =>
        EvidenceTitles.TryGetValue(issue.Code, out var t) ? t : (issue.NameTh, issue.NameEn);

    public static readonly string[] ComparisonSources =
    [
        "ค่าเฉลี่ยส่วนราชการระดับกรม ปีงบประมาณ พ.ศ. {prev}",
        "ค่าเฉลี่ยของหน่วยงานในกระทรวงเดียวกัน",
        "หน่วยงานที่มีผลการดำเนินงานดีที่สุดในกลุ่ม (Best Practice)",
        "ค่าเฉลี่ยกลุ่มจังหวัด ปีงบประมาณ พ.ศ. {prev}",
        "ค่ามาตรฐานจากรายงานของสำนักงานสถิติแห่งชาติ",
        "ผลการประเมินของสำนักงาน ป.ป.ช. ปีงบประมาณ พ.ศ. {prev}",
    ];

    public static T Pick<T>(Random r, IReadOnlyList<T> items) => items[r.Next(items.Count)];

    /// <summary>"ก ข และ ค": Thai lists separate items with spaces and put "และ" before the last.</summary>
    public static string JoinThai(IReadOnlyList<string> items) =>
        items.Count <= 1 ? string.Join("", items) : string.Join(" ", items.Take(items.Count - 1)) + " และ" + items[^1];
}
