using Pmqa.Domain.Digital;

namespace Pmqa.Domain.Tests.Digital;

public sealed class DigitalRulesTests
{
    private const int ThisYear = 2569;

    private static ServiceDraft Draft(string? name = "ขออนุญาตตั้งโรงงาน", string? channel = "ownEService", int? year = 2569, string? reason = null,
        string? link = "https://service.example.go.th/factory", string[]? common = null) =>
        new(name, "businesses", null, channel, false, common ?? ["eForm", "ePayment"], year, reason, "กองบริการ", link, null, false);

    [Fact]
    public void A_complete_service_passes_with_its_common_services_as_a_set()
    {
        var (fields, errors) = DigitalRules.CheckService(Draft(), ThisYear);
        Assert.Empty(errors);
        Assert.Equal(CommonServices.EForm | CommonServices.EPayment, fields!.CommonServices);
        Assert.Equal(ServiceChannel.OwnEService, fields.Channel);
        Assert.Equal(Audience.Businesses, fields.Audience);
    }

    [Fact]
    public void A_missing_name_is_named_at_the_name_in_Thai_and_English()
    {
        var error = Assert.Single(DigitalRules.CheckService(Draft(name: "  "), ThisYear).Errors);
        Assert.Equal("name", error.Field);
        Assert.Contains("ชื่อบริการ", error.Th);
        Assert.Contains("name", error.En);
    }

    [Fact]
    public void A_target_after_2570_needs_the_reason_for_the_exception()
    {
        var error = Assert.Single(DigitalRules.CheckService(Draft(year: 2572), ThisYear).Errors);
        Assert.Equal("exceptionReason", error.Field);
        Assert.Contains("2570", error.Th);
        var (fields, errors) = DigitalRules.CheckService(Draft(year: 2572, reason: "ต้องแก้กฎหมายก่อน"), ThisYear);
        Assert.Empty(errors);
        Assert.Equal("ต้องแก้กฎหมายก่อน", fields!.ExceptionReason);
    }

    [Fact]
    public void A_reason_is_dropped_when_the_target_needs_no_exception()
    {
        var (fields, _) = DigitalRules.CheckService(Draft(year: 2570, reason: "เผื่อไว้"), ThisYear);
        Assert.Equal("", fields!.ExceptionReason);
    }

    [Fact]
    public void A_past_target_is_refused_unless_the_service_is_on_a_central_platform_already()
    {
        Assert.Equal("targetYear", Assert.Single(DigitalRules.CheckService(Draft(year: 2566), ThisYear).Errors).Field);
        Assert.Empty(DigitalRules.CheckService(Draft(year: 2566, channel: "bizPortal"), ThisYear).Errors);
        Assert.Equal("targetYear", Assert.Single(DigitalRules.CheckService(Draft(year: 2027), ThisYear).Errors).Field); // a Christian year
        Assert.Equal("targetYear", Assert.Single(DigitalRules.CheckService(Draft(year: null), ThisYear).Errors).Field);
    }

    [Theory]
    [InlineData("www.example.go.th")]
    [InlineData("ftp://example.go.th/x")]
    [InlineData("https://exa mple.go.th")]
    [InlineData("https://localhost")]
    public void A_link_must_be_a_web_address(string link) =>
        Assert.Equal("link", Assert.Single(DigitalRules.CheckService(Draft(link: link), ThisYear).Errors).Field);

    [Fact]
    public void An_unknown_common_service_or_channel_is_named()
    {
        var errors = DigitalRules.CheckService(Draft(channel: "fax", common: ["eForm", "teleport"]), ThisYear).Errors;
        Assert.Contains(errors, e => e.Field == "channel");
        Assert.Contains(errors, e => e.Field == "commonServices" && e.En.Contains("teleport"));
    }

    [Fact]
    public void A_dataset_needs_a_catalogue_address_and_no_future_update()
    {
        var today = new DateOnly(2026, 12, 6);
        Assert.Empty(DigitalRules.CheckDataset("สถิติผู้ใช้บริการ", "https://gdcatalog.go.th/dataset/abc", "monthly", today, today));
        var errors = DigitalRules.CheckDataset("", "gdcatalog", "sometimes", today.AddDays(1), today);
        Assert.Equal(["title", "catalogUrl", "updateFrequency", "lastUpdated"], errors.Select(e => e.Field));
    }

    [Fact]
    public void An_area_project_has_a_budget_in_baht_and_satang_and_a_status()
    {
        Assert.Empty(DigitalRules.CheckAreaProject("ท่องเที่ยวเชิงวัฒนธรรม", "การท่องเที่ยว", "ททท.; พาณิชย์จังหวัด", 1_500_000.50m, "inProgress"));
        var errors = DigitalRules.CheckAreaProject("x", "y", null, 1.005m, "finished");
        Assert.Equal(["budget", "status"], errors.Select(e => e.Field));
        Assert.Equal("budget", Assert.Single(DigitalRules.CheckAreaProject("x", "y", null, -1, "planned")).Field);
    }

    [Fact]
    public void Shares_are_whole_percentages_and_zero_of_nothing()
    {
        Assert.Equal(33, DigitalRules.Percent(1, 3));
        Assert.Equal(67, DigitalRules.Percent(2, 3));
        Assert.Equal(0, DigitalRules.Percent(0, 0));
    }
}
