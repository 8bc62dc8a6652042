using Pmqa.Domain.Frameworks;

namespace Pmqa.Domain.Tests.Scoring;

using Pmqa.Domain.Scoring;
using static TestPacks;

/// <summary>Bad indicator input is a message on the field, never a crash or a silent zero.</summary>
public sealed class IndicatorValidationTests
{
    private static IndicatorInput Good => Indicator(Direction.Higher, 80, 70, 75, 80, 85);

    private static string[] Fields(IndicatorInput indicator) => Scoring.Validate(indicator).Select(e => e.Field).ToArray();

    [Fact]
    public void A_complete_indicator_has_no_errors() => Assert.Empty(Scoring.Validate(Good));

    [Fact]
    public void Optional_years_and_comparison_may_be_left_empty() =>
        Assert.Empty(Scoring.Validate(Good with { R2 = null, R1 = null, Comparison = null }));

    [Fact]
    public void A_target_of_zero_is_an_error_on_the_target()
    {
        var error = Assert.Single(Scoring.Validate(Good with { Target = 0 }));
        Assert.Equal("target", error.Field);
        Assert.Equal("ค่าเป้าหมายต้องมากกว่า 0", error.MessageTh);
        Assert.Equal("The target must be greater than 0.", error.MessageEn);
    }

    [Fact]
    public void A_negative_target_is_an_error_on_the_target() => Assert.Equal(["target"], Fields(Good with { Target = -5 }));

    [Fact]
    public void A_missing_target_asks_for_the_target()
    {
        var error = Assert.Single(Scoring.Validate(Good with { Target = null }));
        Assert.Equal("target", error.Field);
        Assert.Equal("Enter the target.", error.MessageEn);
    }

    [Fact]
    public void A_negative_previous_year_is_an_error_on_that_year()
    {
        Assert.Equal(["r1"], Fields(Good with { R1 = -1 }));
        Assert.Equal(["r2"], Fields(Good with { R2 = -0.01m }));
    }

    [Fact]
    public void A_missing_or_negative_current_result_is_an_error_on_r0()
    {
        Assert.Equal(["r0"], Fields(Good with { R0 = null }));
        Assert.Equal(["r0"], Fields(Good with { R0 = -3 }));
    }

    [Fact]
    public void A_negative_comparison_value_is_an_error_on_the_comparison() =>
        Assert.Equal(["comparison"], Fields(Good with { Comparison = -1 }));

    [Fact]
    public void A_blank_name_or_unit_is_an_error_on_that_field() =>
        Assert.Equal(["name", "unit"], Fields(Good with { Name = " ", Unit = "" }));

    [Fact]
    public void An_unknown_direction_is_an_error_on_the_direction() =>
        Assert.Equal(["direction"], Fields(Good with { Direction = (Direction)7 }));

    [Fact]
    public void Every_problem_is_reported_in_form_order_with_Thai_and_English_messages()
    {
        var errors = Scoring.Validate(new IndicatorInput("", "", Direction.Lower, null, -1, -1, null, -1));
        Assert.Equal(["name", "unit", "target", "r2", "r1", "r0", "comparison"], errors.Select(e => e.Field));
        Assert.All(errors, e =>
        {
            Assert.Matches(@"\p{IsThai}", e.MessageTh);
            Assert.DoesNotMatch(@"\p{IsThai}", e.MessageEn);
            Assert.EndsWith(".", e.MessageEn);
        });
    }

    [Fact]
    public void An_invalid_indicator_in_an_issue_contributes_0_and_makes_the_issue_incomplete_without_throwing()
    {
        var result = Scoring.ScoreResults(Results("7.1"), [Scoring400, Good with { Target = 0 }], Rules);
        Assert.Equal(200m, result.Score);
        Assert.False(result.Complete);
        Assert.Equal(MaturityLevel.None, result.Level);
    }

    [Fact]
    public void An_issue_of_only_invalid_indicators_scores_0_without_throwing()
    {
        var result = Scoring.ScoreResults(Results("7.1"), [Good with { Target = null }, Good with { R0 = -1 }], Rules);
        Assert.Equal((0m, false), (result.Score, result.Complete));
    }
}
