namespace Pmqa.Domain.Scoring;

public static partial class Scoring
{
    /// <summary>
    /// Field-level problems of one indicator, in form order: a name and a unit, a known direction, a
    /// target greater than 0, this year's result, and no negative value. An empty list means it can be scored.
    /// </summary>
    public static IReadOnlyList<IndicatorError> Validate(IndicatorInput indicator)
    {
        var errors = new List<IndicatorError>();
        void Add(string field, string th, string en) => errors.Add(new IndicatorError(field, th, en));

        if (string.IsNullOrWhiteSpace(indicator.Name))
            Add("name", "กรุณาระบุชื่อตัวชี้วัด", "Enter the name of the indicator.");
        if (string.IsNullOrWhiteSpace(indicator.Unit))
            Add("unit", "กรุณาระบุหน่วยนับของตัวชี้วัด", "Enter the unit of the indicator.");
        // An out-of-range number can arrive through the API even though the enum has two values.
        if (!Enum.IsDefined(indicator.Direction))
            Add("direction", "กรุณาเลือกทิศทางของตัวชี้วัด (ยิ่งมากยิ่งดี หรือ ยิ่งน้อยยิ่งดี)",
                "Choose whether a higher or a lower value is better.");

        if (indicator.Target is null)
            Add("target", "กรุณาระบุค่าเป้าหมาย", "Enter the target.");
        else if (indicator.Target <= 0)
            Add("target", "ค่าเป้าหมายต้องมากกว่า 0", "The target must be greater than 0.");

        if (indicator.R2 < 0)
            Add("r2", "ผลการดำเนินงานเมื่อสองปีก่อนต้องไม่ติดลบ", "The result of two years ago cannot be negative.");
        if (indicator.R1 < 0)
            Add("r1", "ผลการดำเนินงานปีที่แล้วต้องไม่ติดลบ", "Last year's result cannot be negative.");

        if (indicator.R0 is null)
            Add("r0", "กรุณาระบุผลการดำเนินงานปีปัจจุบัน", "Enter this year's result.");
        else if (indicator.R0 < 0)
            Add("r0", "ผลการดำเนินงานปีปัจจุบันต้องไม่ติดลบ", "This year's result cannot be negative.");

        if (indicator.Comparison < 0)
            Add("comparison", "ค่าเปรียบเทียบต้องไม่ติดลบ", "The comparison value cannot be negative.");
        return errors;
    }
}
