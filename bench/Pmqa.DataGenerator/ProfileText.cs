using System.Globalization;
using Pmqa.Domain.Organizations;

namespace Pmqa.DataGenerator;

/// <summary>The organisation profile (ลักษณะสำคัญขององค์การ) of a demo agency: one paragraph per section of the
/// PMQA 4.0 pack (P1–P10), composed from fragments and the agency's own name, parent and figures. A section code
/// the pack adds later gets a generic paragraph.</summary>
public static class ProfileText
{
    private static readonly string[] Values =
    [
        "SMART (Service mind, Mastery, Accountability, Responsibility, Teamwork)",
        "\"ซื่อสัตย์ โปร่งใส มุ่งผลสัมฤทธิ์ ใส่ใจประชาชน\"",
        "I AM READY (Integrity, Activeness, Morality, Relevancy, Efficiency, Accountability, Digitalization, Yield)",
        "\"ทำงานเป็นทีม คิดสร้างสรรค์ บริการด้วยใจ\"",
    ];
    private static readonly string[] Systems =
        ["ระบบสารบรรณอิเล็กทรอนิกส์ (e-Saraban)", "ระบบบริหารงานบุคคล (DPIS)", "ระบบการเงินการคลังภาครัฐ (New GFMIS Thai)",
         "ระบบ Dashboard ผู้บริหาร", "ระบบให้บริการประชาชนออนไลน์", "ระบบประชุมออนไลน์", "คลังข้อมูลภาครัฐ (Data Catalog)"];
    private static readonly string[] Laws =
        ["พระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534", "พระราชกฤษฎีกาว่าด้วยหลักเกณฑ์และวิธีการบริหารกิจการบ้านเมืองที่ดี พ.ศ. 2546",
         "พระราชบัญญัติการบริหารงานและการให้บริการภาครัฐผ่านระบบดิจิทัล พ.ศ. 2562", "พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562",
         "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540", "พระราชบัญญัติวินัยการเงินการคลังของรัฐ พ.ศ. 2561",
         "พระราชบัญญัติการอำนวยความสะดวกในการพิจารณาอนุญาตของทางราชการ พ.ศ. 2558"];
    private static readonly string[] Engagement =
        ["ความก้าวหน้าในสายอาชีพ", "การได้รับการยอมรับจากผู้บริหาร", "สภาพแวดล้อมการทำงานที่ปลอดภัย", "การพัฒนาทักษะดิจิทัล", "ความสมดุลระหว่างชีวิตและการทำงาน"];
    private static readonly string[] UserGroups =
        ["ประชาชนทั่วไป", "ผู้ประกอบการวิสาหกิจขนาดกลางและขนาดย่อม", "เกษตรกร", "ผู้สูงอายุและกลุ่มเปราะบาง", "องค์กรปกครองส่วนท้องถิ่น",
         "สถานศึกษา", "นักท่องเที่ยว", "หน่วยงานภาครัฐที่ใช้ข้อมูลร่วมกัน"];
    private static readonly string[] Needs =
        ["บริการที่รวดเร็ว ถูกต้อง และเข้าถึงได้ผ่านช่องทางดิจิทัล", "ข้อมูลที่ทันสมัยและเชื่อถือได้", "ความโปร่งใสและการตรวจสอบได้",
         "การมีส่วนร่วมในการกำหนดนโยบาย", "การแก้ไขข้อร้องเรียนอย่างทันการณ์"];
    private static readonly string[] Challenges =
        ["การปรับเปลี่ยนสู่องค์การดิจิทัลภายใต้งบประมาณที่จำกัด", "การสูญเสียบุคลากรที่มีประสบการณ์จากการเกษียณอายุ",
         "ความคาดหวังของประชาชนต่อบริการที่รวดเร็วและเชื่อมโยงกัน", "การบูรณาการข้อมูลกับหน่วยงานอื่น",
         "การรับมือกับภัยพิบัติและสถานการณ์ฉุกเฉิน", "การแข่งขันด้านเศรษฐกิจในระดับภูมิภาค"];
    private static readonly string[] Advantages =
        ["เครือข่ายความร่วมมือที่เข้มแข็งในพื้นที่", "ฐานข้อมูลที่ครอบคลุมและต่อเนื่อง", "บุคลากรที่มีความเชี่ยวชาญเฉพาะด้าน",
         "การสนับสนุนจากผู้บริหารระดับสูงอย่างต่อเนื่อง", "ต้นทุนการให้บริการที่ต่ำกว่าค่าเฉลี่ย"];
    private static readonly string[] Tools =
        ["วงจร PDCA", "การประเมินตนเองตามเกณฑ์ PMQA 4.0", "Lean", "การจัดการความรู้ (KM)", "Design Thinking", "การเทียบเคียงผลการดำเนินงาน (Benchmarking)"];

    public static string For(string sectionCode, PlannedOrganization org, string? parentNameTh, Random r, int fiscalYear)
    {
        string N(int min, int max) => r.Next(min, max + 1).ToString("N0", CultureInfo.InvariantCulture);
        string Some(string[] pool, int count) => ThaiText.JoinThai(pool.OrderBy(_ => r.Next()).Take(count).ToList());
        var name = org.NameTh;
        var subject = org.Type switch
        {
            OrganizationType.Department when name.StartsWith("กรม", StringComparison.Ordinal) => name[3..],
            OrganizationType.Department when name.StartsWith("สำนักงาน", StringComparison.Ordinal) => name[8..],
            OrganizationType.PublicOrganization => StripPrefix(name.Replace(" (องค์การมหาชน)", "", StringComparison.Ordinal)),
            _ => "การพัฒนาจังหวัด",
        };
        var parent = parentNameTh ?? "กระทรวงต้นสังกัด";
        return sectionCode switch
        {
            "P1" => org.Type switch
            {
                OrganizationType.Province => $"{name}มีหน้าที่ตามพระราชบัญญัติระเบียบบริหารราชการแผ่นดิน พ.ศ. 2534 ในการนำนโยบายของรัฐบาลไปปฏิบัติในพื้นที่ " +
                    $"บูรณาการการทำงานของส่วนราชการในจังหวัด {N(6, 25)} อำเภอ และดูแลความเป็นอยู่ของประชาชนประมาณ {N(180, 1800)},000 คน " +
                    $"บริการหลัก ได้แก่ การอำนวยความสะดวกและแก้ไขปัญหาความเดือดร้อนของประชาชน การส่งเสริมเศรษฐกิจฐานราก และการรักษาความสงบเรียบร้อย " +
                    "ส่งมอบผ่านศูนย์ดำรงธรรมจังหวัด ที่ว่าการอำเภอ และช่องทางออนไลน์",
                OrganizationType.PublicOrganization => $"{name}จัดตั้งขึ้นโดยพระราชกฤษฎีกาตามพระราชบัญญัติองค์การมหาชน พ.ศ. 2542 " +
                    $"มีวัตถุประสงค์เพื่อดำเนินภารกิจด้าน{subject}ให้เกิดประโยชน์ต่อประชาชนและประเทศ " +
                    $"ผลผลิตหลัก ได้แก่ องค์ความรู้ มาตรฐาน และบริการให้คำปรึกษา ซึ่งส่งมอบผ่านโครงการความร่วมมือ {N(8, 40)} โครงการ และแพลตฟอร์มออนไลน์",
                _ => $"{name}มีอำนาจหน้าที่ตามกฎกระทรวงแบ่งส่วนราชการ ได้แก่ (1) รับผิดชอบภารกิจด้าน{subject} (2) กำหนดมาตรฐานและแนวทางปฏิบัติที่เกี่ยวข้อง " +
                    $"(3) ส่งเสริมการมีส่วนร่วมของภาคีเครือข่าย ผลผลิตหลักส่งมอบผ่านหน่วยงานในส่วนภูมิภาค {N(4, 18)} แห่ง และช่องทางดิจิทัล",
            },
            "P2" => $"วิสัยทัศน์: \"{(org.Type == OrganizationType.Province ? $"{(name.StartsWith("จังหวัด", StringComparison.Ordinal) ? name[7..] : name)} เมืองน่าอยู่ เศรษฐกิจมั่นคง สังคมเป็นสุขอย่างยั่งยืน" : $"เป็นองค์กรชั้นนำด้าน{subject}ที่ทันสมัย เพื่อประชาชนอยู่ดีมีสุข")}\" " +
                $"ค่านิยมองค์การ: {ThaiText.Pick(r, Values)} ซึ่งผู้บริหารถ่ายทอดผ่านการประชุมประจำเดือนและเป็นเกณฑ์หนึ่งในการประเมินผลการปฏิบัติงาน เพื่อสนับสนุนการบรรลุพันธกิจ",
            "P3" => Workforce(org.Type, r, N, Some),
            "P4" => $"{name}มีอาคารสำนักงาน {N(1, 6)} แห่ง งบประมาณประจำปี พ.ศ. {fiscalYear} จำนวน {N(80, 2400)} ล้านบาท " +
                $"ระบบสารสนเทศสำคัญ ได้แก่ {Some(Systems, 3)} ทั้งหมดเชื่อมโยงผ่านเครือข่ายสื่อสารข้อมูลเชื่อมโยงหน่วยงานภาครัฐ (GIN)",
            "P5" => $"กฎหมายและระเบียบสำคัญ ได้แก่ {Some(Laws, 3)}" +
                (org.Type == OrganizationType.PublicOrganization ? " พระราชบัญญัติองค์การมหาชน พ.ศ. 2542 และพระราชกฤษฎีกาจัดตั้ง" : "") +
                " รวมทั้งมติคณะรัฐมนตรีและมาตรฐานที่เกี่ยวข้องกับการให้บริการ",
            "P6" => org.Type switch
            {
                OrganizationType.Province => $"{name}อยู่ใน{parent} มีส่วนราชการประจำจังหวัด {N(25, 40)} หน่วยงาน โดยผู้ว่าราชการจังหวัดเป็นผู้บังคับบัญชาสูงสุด " +
                    "มีคณะกรมการจังหวัดและคณะกรรมการบริหารงานจังหวัดแบบบูรณาการ (ก.บ.จ.) เป็นกลไกกำกับดูแล และมีการตรวจสอบภายในทุกปี",
                OrganizationType.PublicOrganization => $"{name}อยู่ในกำกับของ{parent} มีคณะกรรมการบริหารซึ่งคณะรัฐมนตรีแต่งตั้งเป็นผู้กำกับดูแลนโยบาย " +
                    $"ผู้อำนวยการเป็นผู้บริหารสูงสุด แบ่งส่วนงานเป็น {N(4, 9)} ฝ่าย มีคณะกรรมการตรวจสอบและหน่วยตรวจสอบภายใน",
                _ => $"{name}สังกัด{parent} แบ่งส่วนราชการเป็น {N(6, 14)} สำนัก/กอง และ {N(2, 12)} ศูนย์ในส่วนภูมิภาค " +
                    "มีคณะกรรมการบริหารความเสี่ยงและการควบคุมภายใน และกลุ่มตรวจสอบภายในรายงานตรงต่ออธิบดี",
            },
            "P7" => $"ผู้รับบริการหลัก ได้แก่ {Some(UserGroups, 3)} ซึ่งต้องการ{ThaiText.Pick(r, Needs)} " +
                $"ผู้มีส่วนได้ส่วนเสีย ได้แก่ {Some(UserGroups, 2)} ซึ่งคาดหวัง{ThaiText.Pick(r, Needs)} " +
                "องค์การรับฟังความต้องการผ่านการสำรวจประจำปี เวทีประชาคม และช่องทางรับเรื่องร้องเรียน",
            "P8" => $"หน่วยงานที่เกี่ยวข้องและเครือข่าย ได้แก่ {parent} องค์กรปกครองส่วนท้องถิ่น สถาบันอุดมศึกษาในพื้นที่ และภาคเอกชน " +
                "แต่ละฝ่ายมีบทบาทร่วมวางแผน ดำเนินโครงการ และติดตามผล โดยสื่อสารผ่านการประชุมร่วมรายไตรมาส กลุ่มไลน์เครือข่าย และระบบแลกเปลี่ยนข้อมูลออนไลน์",
            "P9" => $"ความท้าทายเชิงยุทธศาสตร์: (1) {ThaiText.Pick(r, Challenges)} (2) {ThaiText.Pick(r, Challenges)} " +
                $"ความได้เปรียบเชิงยุทธศาสตร์: {Some(Advantages, 2)}",
            "P10" => $"องค์การปรับปรุงผลการดำเนินงานอย่างต่อเนื่องด้วย{Some(Tools, 3)} ทบทวนผลการดำเนินงานทุกไตรมาสโดยคณะผู้บริหาร " +
                $"และนำผลการประเมินตนเองปีงบประมาณ พ.ศ. {fiscalYear - 1} มาจัดทำแผนพัฒนาองค์การ {N(3, 8)} โครงการ",
            _ => $"{name}ได้จัดทำข้อมูลในหัวข้อนี้ตามแนวทางของเกณฑ์ และทบทวนทุกปีงบประมาณ",
        };
    }

    private static string StripPrefix(string name)
    {
        foreach (var prefix in new[] { "สำนักงาน", "สถาบัน", "ศูนย์", "หอ" })
            if (name.StartsWith(prefix, StringComparison.Ordinal)) return name[prefix.Length..];
        return name;
    }

    private static string Workforce(OrganizationType type, Random r, Func<int, int, string> n, Func<string[], int, string> some)
    {
        var total = r.Next(120, 2400);
        var main = (int)(total * (0.55 + r.NextDouble() * 0.25));
        var second = (int)((total - main) * (0.5 + r.NextDouble() * 0.4));
        var kinds = type == OrganizationType.PublicOrganization ? ("พนักงาน", "ผู้เชี่ยวชาญตามสัญญาจ้าง", "ลูกจ้างโครงการ") : ("ข้าราชการ", "พนักงานราชการ", "ลูกจ้าง");
        return $"บุคลากรรวม {total:N0} คน ประกอบด้วย {kinds.Item1} {main:N0} คน {kinds.Item2} {second:N0} คน และ{kinds.Item3} {total - main - second:N0} คน " +
            $"อายุเฉลี่ย {n(38, 47)} ปี ร้อยละ {n(70, 95)} จบการศึกษาระดับปริญญาตรีขึ้นไป สมรรถนะหลักที่จำเป็น ได้แก่ การมุ่งผลสัมฤทธิ์ การบริการที่ดี และทักษะดิจิทัล " +
            $"ปัจจัยสำคัญที่ทำให้บุคลากรผูกพันกับองค์การ ได้แก่ {some(Engagement, 3)}";
    }
}
