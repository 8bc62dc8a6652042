namespace Pmqa.Domain.Digital;

/// <summary>One field's problem, in Thai and English, named by the API's field name.</summary>
public sealed record DigitalError(string Field, string Th, string En);

/// <summary>A service as typed (form, API body or CSV row): nothing parsed yet, so nothing typed is lost.</summary>
public sealed record ServiceDraft(
    string? Name, string? Audience, string? LegalBasis, string? Channel, bool FullyDigital, IReadOnlyList<string>? CommonServices,
    int? TargetYear, string? ExceptionReason, string? ResponsibleUnit, string? Link, string? EvidenceReference, bool Internal,
    int? DigitisedYear = null);

/// <summary>A service that passed <see cref="DigitalRules.CheckService"/>.</summary>
public sealed record ServiceFields(
    string Name, Audience Audience, string LegalBasis, ServiceChannel Channel, bool FullyDigital, CommonServices CommonServices,
    int TargetYear, string ExceptionReason, string ResponsibleUnit, string Link, string EvidenceReference, bool Internal,
    int? DigitisedYear = null);

/// <summary>
/// Rules of the digital-government register that need no database (issue 12, ADR 0025). The cabinet resolution of
/// 18 June 2024 asks every public service to be on a central platform by 2570; a later target year needs a reason,
/// and OPDC's grant (recorded by the handler).
/// </summary>
public static class DigitalRules
{
    /// <summary>The year (BE) by which every service must be on a central platform.</summary>
    public const int PlatformDeadline = 2570;
    /// <summary>No service waits for a platform beyond this year, even with an exception: a later year is a typing error.</summary>
    public const int LatestTargetYear = 2600;
    /// <summary>Budgets in baht with satang; above ten billion is a typing error.</summary>
    public const decimal MaxBudget = 10_000_000_000m;

    public static bool OnCentralPlatform(ServiceChannel channel) => channel is ServiceChannel.CitizenPortal or ServiceChannel.BizPortal;

    /// <summary>Checks a typed service against the rules; <paramref name="currentYearBe"/> is this calendar year (BE, Bangkok).
    /// The target year lies between this year and 2570 — earlier only for a service already on a central platform (the
    /// year it got there), later only with the reason for the exception.</summary>
    public static (ServiceFields? Fields, List<DigitalError> Errors) CheckService(ServiceDraft d, int currentYearBe)
    {
        var errors = new List<DigitalError>();
        var name = Required(d.Name, "name", 500, "ชื่อบริการ", "the service's name", errors);
        if (!DigitalNames.TryParse<Audience>(d.Audience, out var audience))
            errors.Add(new("audience", "กรุณาเลือกผู้รับบริการ (ประชาชน ภาคธุรกิจ หรือหน่วยงานรัฐ)", "Choose who the service serves (people, businesses or government)."));
        if (!DigitalNames.TryParse<ServiceChannel>(d.Channel, out var channel))
            errors.Add(new("channel", "กรุณาเลือกช่องทางให้บริการปัจจุบัน", "Choose the current channel."));
        var common = CommonServices.None;
        foreach (var item in d.CommonServices ?? [])
        {
            if (string.IsNullOrWhiteSpace(item)) continue;
            if (DigitalNames.TryParse<CommonServices>(item, out var s) && s != CommonServices.None) common |= s;
            else errors.Add(new("commonServices", $"ไม่รู้จักบริการกลาง \"{item.Trim()}\"", $"\"{item.Trim()}\" is not a common service."));
        }
        var reason = Optional(d.ExceptionReason, "exceptionReason", 2000, errors);
        if (d.TargetYear is not { } year)
            errors.Add(new("targetYear", "กรุณาระบุปีเป้าหมาย (พ.ศ.)", "Give the target year (Buddhist Era)."));
        else if (year > LatestTargetYear || year < currentYearBe - 30)
            errors.Add(new("targetYear", $"ปีเป้าหมายต้องเป็นปี พ.ศ. เช่น {PlatformDeadline}", $"The target year is a Buddhist Era year, e.g. {PlatformDeadline}."));
        else if (year < currentYearBe && !(errors.All(e => e.Field != "channel") && OnCentralPlatform(channel)))
            errors.Add(new("targetYear", $"ปีเป้าหมายต้องไม่ก่อนปีนี้ ({currentYearBe}) เว้นแต่บริการอยู่บนแพลตฟอร์มกลางแล้ว",
                $"The target year cannot be before this year ({currentYearBe}) unless the service is on a central platform already."));
        else if (year > PlatformDeadline && reason.Length == 0)
            errors.Add(new("exceptionReason", $"ปีเป้าหมายหลัง {PlatformDeadline} ต้องระบุเหตุผลเพื่อขอยกเว้นจากสำนักงาน ก.พ.ร.",
                $"A target after {PlatformDeadline} needs the reason for OPDC's exception."));
        var digitised = CheckDigitisedYear(d, currentYearBe, errors);
        var unit = Required(d.ResponsibleUnit, "responsibleUnit", 300, "หน่วยงานที่รับผิดชอบ", "the responsible unit", errors);
        var link = Optional(d.Link, "link", 2000, errors);
        if (link.Length > 0 && !IsWebAddress(link))
            errors.Add(new("link", "ลิงก์ต้องเป็นที่อยู่เว็บที่ขึ้นต้นด้วย https:// หรือ http://", "The link must be a web address starting with https:// or http://."));
        var legal = Optional(d.LegalBasis, "legalBasis", 1000, errors);
        var evidence = Optional(d.EvidenceReference, "evidenceReference", 500, errors);
        if (errors.Count > 0) return (null, errors);
        // A reason kept for a target that needs no exception would read as an open request: it is dropped.
        var keptReason = d.TargetYear > PlatformDeadline ? reason : "";
        return (new ServiceFields(name, audience, legal, channel, d.FullyDigital, common, d.TargetYear!.Value, keptReason, unit, link, evidence, d.Internal, digitised), errors);
    }

    /// <summary>The year (BE) a fully digital service became so, which the pace rule counts (ADR 0028). Ticking "fully
    /// digital" without a year means "this year" (the common case: the box is ticked when it happens); a year in the
    /// future or more than 30 years back is a typing error; a service not fully digital has no such year.</summary>
    private static int? CheckDigitisedYear(ServiceDraft d, int currentYearBe, List<DigitalError> errors)
    {
        if (!d.FullyDigital)
        {
            if (d.DigitisedYear is not null)
                errors.Add(new("digitisedYear", "ปีที่เป็นดิจิทัลเต็มรูปแบบใส่ได้เฉพาะบริการที่ดิจิทัลตลอดกระบวนการแล้ว",
                    "Only a service that is fully digital has the year it became so."));
            return null;
        }
        var year = d.DigitisedYear ?? currentYearBe;
        if (year > currentYearBe)
            errors.Add(new("digitisedYear", $"ปีที่เป็นดิจิทัลเต็มรูปแบบต้องไม่หลังปีนี้ ({currentYearBe})", $"The year it became fully digital cannot be after this year ({currentYearBe})."));
        else if (year < currentYearBe - 30)
            errors.Add(new("digitisedYear", "ปีที่เป็นดิจิทัลเต็มรูปแบบต้องเป็นปี พ.ศ. เช่น 2567", "The year it became fully digital is a Buddhist Era year, e.g. 2567."));
        return year;
    }

    /// <summary>A dataset of the GD Catalog: title, the catalogue's web address, how often it is updated; the last update not in the future.</summary>
    public static List<DigitalError> CheckDataset(string? title, string? catalogUrl, string? frequency, DateOnly? lastUpdated, DateOnly today)
    {
        var errors = new List<DigitalError>();
        Required(title, "title", 500, "ชื่อชุดข้อมูล", "the dataset's title", errors);
        var url = Required(catalogUrl, "catalogUrl", 2000, "ที่อยู่ในบัญชีข้อมูลภาครัฐ (GD Catalog)", "the GD Catalog address", errors);
        if (url.Length > 0 && !IsWebAddress(url))
            errors.Add(new("catalogUrl", "ที่อยู่ต้องขึ้นต้นด้วย https:// หรือ http://", "The address must start with https:// or http://."));
        if (!DigitalNames.TryParse<UpdateFrequency>(frequency, out _))
            errors.Add(new("updateFrequency", "กรุณาเลือกความถี่ในการปรับปรุง", "Choose how often it is updated."));
        if (lastUpdated > today)
            errors.Add(new("lastUpdated", "วันที่ปรับปรุงล่าสุดต้องไม่อยู่ในอนาคต", "The last update cannot be in the future."));
        return errors;
    }

    public static List<DigitalError> CheckExchange(string? partner, string? data, string? direction, DateOnly? since, DateOnly today)
    {
        var errors = new List<DigitalError>();
        Required(partner, "partnerAgency", 300, "หน่วยงานที่เชื่อมโยง", "the partner agency", errors);
        Required(data, "data", 500, "ข้อมูลที่เชื่อมโยง", "the data exchanged", errors);
        if (!DigitalNames.TryParse<ExchangeDirection>(direction, out _))
            errors.Add(new("direction", "กรุณาเลือกทิศทาง (ส่งให้ รับจาก หรือทั้งสองทาง)", "Choose the direction (send, receive or both)."));
        if (since > today) errors.Add(new("since", "วันที่เริ่มต้องไม่อยู่ในอนาคต", "The start cannot be in the future."));
        return errors;
    }

    /// <summary>An area-based key project of a province: name and value chain, a budget in baht (0 when none) and a status.</summary>
    public static List<DigitalError> CheckAreaProject(string? name, string? valueChain, string? partners, decimal? budget, string? status)
    {
        var errors = new List<DigitalError>();
        Required(name, "name", 500, "ชื่อโครงการ", "the project's name", errors);
        Required(valueChain, "valueChain", 500, "ห่วงโซ่คุณค่า", "the value chain", errors);
        Optional(partners, "partnerAgencies", 1000, errors);
        if (budget is null) errors.Add(new("budget", "กรุณาระบุงบประมาณ (ใส่ 0 ถ้าไม่ใช้งบประมาณ)", "Give a budget (0 when none is needed)."));
        else if (budget < 0) errors.Add(new("budget", "งบประมาณต้องไม่ติดลบ", "The budget cannot be negative."));
        else if (budget > MaxBudget) errors.Add(new("budget", "งบประมาณสูงเกินกว่าที่เป็นไปได้", "The budget is larger than any plausible project."));
        else if (decimal.Round(budget.Value, 2) != budget) errors.Add(new("budget", "งบประมาณมีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (สตางค์)", "At most two decimals (satang)."));
        if (!DigitalNames.TryParse<AreaProjectStatus>(status, out _))
            errors.Add(new("status", "กรุณาเลือกสถานะ", "Choose a status."));
        return errors;
    }

    public static List<DigitalError> CheckChannel(string? name, string? usage)
    {
        var errors = new List<DigitalError>();
        Required(name, "name", 300, "ชื่อช่องทาง", "the channel's name", errors);
        Optional(usage, "usage", 1000, errors);
        return errors;
    }

    /// <summary>An absolute http or https address with a host.</summary>
    public static bool IsWebAddress(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" && uri.Host.Contains('.') && !text.Any(char.IsWhiteSpace);

    /// <summary>The share of <paramref name="part"/> in <paramref name="whole"/> as a whole percentage (0 when there is nothing).</summary>
    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100m * part / whole, MidpointRounding.AwayFromZero);

    private static string Required(string? value, string field, int max, string th, string en, List<DigitalError> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length == 0) errors.Add(new(field, $"กรุณาระบุ{th}", $"Give {en}."));
        else if (text.Length > max) errors.Add(new(field, $"ยาวเกิน {max} ตัวอักษร", $"Longer than {max} characters."));
        return text;
    }

    private static string Optional(string? value, string field, int max, List<DigitalError> errors)
    {
        var text = value?.Trim() ?? "";
        if (text.Length > max) errors.Add(new(field, $"ยาวเกิน {max} ตัวอักษร", $"Longer than {max} characters."));
        return text;
    }
}
