namespace Pmqa.Domain.Frameworks;

public static class Names
{
    public static (string Th, string En) DisplayName(this MaturityLevel level) => level switch
    {
        MaturityLevel.Basic => ("ระดับพื้นฐาน", "Basic"),
        MaturityLevel.Advance => ("ระดับก้าวหน้า", "Advance"),
        MaturityLevel.Significance => ("ระดับพัฒนาจนเกิดผล", "Significance"),
        _ => ("ยังไม่ถึงระดับพื้นฐาน", "Below Basic"),
    };

    public static (string Th, string En) DisplayName(this Direction direction) => direction switch
    {
        Direction.Higher => ("ยิ่งสูงยิ่งดี", "higher is better"),
        _ => ("ยิ่งต่ำยิ่งดี", "lower is better"),
    };

    public static (string Th, string En) DisplayName(this IssueKind kind) => kind switch
    {
        IssueKind.Process => ("ประเด็นเชิงกระบวนการ", "Process issue"),
        _ => ("ประเด็นเชิงผลลัพธ์", "Results issue"),
    };
}
