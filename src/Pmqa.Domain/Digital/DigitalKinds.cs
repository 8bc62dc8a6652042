namespace Pmqa.Domain.Digital;

/// <summary>Who a public service serves (issue 12, ADR 0025).</summary>
public enum Audience { People, Businesses, Government }

/// <summary>Where a service is offered today: the cabinet resolution of 18 June 2024 wants every service on a central
/// platform (Citizen Portal for people, Biz Portal for businesses) by 2570.</summary>
public enum ServiceChannel { CounterOnly, OwnEService, CitizenPortal, BizPortal }

/// <summary>The central platforms' common services a service uses; a set, stored as bits.</summary>
[Flags]
public enum CommonServices
{
    None = 0,
    EForm = 1,
    ESubmission = 2,
    IdentityVerification = 4,
    EPayment = 8,
    ENotification = 16,
    EDocument = 32,
}

public enum UpdateFrequency { Daily, Weekly, Monthly, Quarterly, Yearly, Irregular }

public enum ExchangeDirection { Send, Receive, Both }

public enum AreaProjectStatus { Planned, InProgress, Done }

/// <summary>Names shown for the register's kinds, Thai and English, and the API's camelCase names.</summary>
public static class DigitalNames
{
    public static (string Th, string En) Of(Audience a) => a switch
    {
        Audience.People => ("ประชาชน", "People"),
        Audience.Businesses => ("ภาคธุรกิจ", "Businesses"),
        _ => ("หน่วยงานรัฐ", "Government"),
    };

    public static (string Th, string En) Of(ServiceChannel c) => c switch
    {
        ServiceChannel.CounterOnly => ("ให้บริการที่เคาน์เตอร์เท่านั้น", "Counter only"),
        ServiceChannel.OwnEService => ("ระบบ e-Service ของหน่วยงาน", "Own e-service"),
        ServiceChannel.CitizenPortal => ("Citizen Portal", "Citizen Portal"),
        _ => ("Biz Portal", "Biz Portal"),
    };

    public static (string Th, string En) Of(CommonServices s) => s switch
    {
        CommonServices.EForm => ("แบบฟอร์มอิเล็กทรอนิกส์", "e-Form"),
        CommonServices.ESubmission => ("ยื่นคำขออิเล็กทรอนิกส์", "e-Submission"),
        CommonServices.IdentityVerification => ("ยืนยันตัวตน", "Identity verification"),
        CommonServices.EPayment => ("ชำระเงินอิเล็กทรอนิกส์", "e-Payment"),
        CommonServices.ENotification => ("แจ้งเตือนอิเล็กทรอนิกส์", "e-Notification"),
        CommonServices.EDocument => ("เอกสารอิเล็กทรอนิกส์", "e-Document"),
        _ => ("ไม่มี", "None"),
    };

    public static (string Th, string En) Of(UpdateFrequency f) => f switch
    {
        UpdateFrequency.Daily => ("รายวัน", "Daily"),
        UpdateFrequency.Weekly => ("รายสัปดาห์", "Weekly"),
        UpdateFrequency.Monthly => ("รายเดือน", "Monthly"),
        UpdateFrequency.Quarterly => ("รายไตรมาส", "Quarterly"),
        UpdateFrequency.Yearly => ("รายปี", "Yearly"),
        _ => ("ไม่แน่นอน", "Irregular"),
    };

    public static (string Th, string En) Of(ExchangeDirection d) => d switch
    {
        ExchangeDirection.Send => ("ส่งให้", "We send"),
        ExchangeDirection.Receive => ("รับจาก", "We receive"),
        _ => ("รับและส่ง", "Both ways"),
    };

    public static (string Th, string En) Of(AreaProjectStatus s) => s switch
    {
        AreaProjectStatus.Planned => ("วางแผน", "Planned"),
        AreaProjectStatus.InProgress => ("ดำเนินการ", "In progress"),
        _ => ("เสร็จสิ้น", "Done"),
    };

    /// <summary>Every single common service, in display order.</summary>
    public static readonly CommonServices[] AllCommon =
        [CommonServices.EForm, CommonServices.ESubmission, CommonServices.IdentityVerification, CommonServices.EPayment, CommonServices.ENotification, CommonServices.EDocument];

    public static string ApiName<T>(T value) where T : struct, Enum { var s = value.ToString(); return char.ToLowerInvariant(s[0]) + s[1..]; }

    public static bool TryParse<T>(string? text, out T value) where T : struct, Enum
    {
        foreach (var v in Enum.GetValues<T>())
            if (string.Equals(ApiName(v), text?.Trim(), StringComparison.OrdinalIgnoreCase)) { value = v; return true; }
        value = default;
        return false;
    }

    /// <summary>The set as API names, e.g. ["eForm","ePayment"].</summary>
    public static string[] ApiNames(CommonServices set) => [.. AllCommon.Where(s => set.HasFlag(s)).Select(s => ApiName(s))];
}
