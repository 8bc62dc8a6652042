using Pmqa.Domain.Assessments;
using Pmqa.Domain.OpenData;

namespace Pmqa.Domain.Tests.OpenData;

public sealed class OpenDataRulesTests
{
    [Fact]
    public void Only_verified_results_are_publishable()
    {
        Assert.False(SiteVisitOutcome.IsPublishable(AssessmentState.UnderReview));
        Assert.False(SiteVisitOutcome.IsPublishable(AssessmentState.Submitted));
        Assert.True(SiteVisitOutcome.IsPublishable(AssessmentState.Verified));
        Assert.True(SiteVisitOutcome.IsPublishable(AssessmentState.NotCertified));
    }

    [Fact]
    public void The_site_visit_outcome_says_what_happened_and_nothing_of_the_findings()
    {
        Assert.Equal("none", SiteVisitOutcome.Of(AssessmentState.Verified, declined: false, hasFinalScore: false));
        Assert.Equal("offered", SiteVisitOutcome.Of(AssessmentState.SiteVisitOffered, false, false));
        Assert.Equal("declined", SiteVisitOutcome.Of(AssessmentState.NotCertified, declined: true, hasFinalScore: false));
        Assert.Equal("visited", SiteVisitOutcome.Of(AssessmentState.Certified, false, hasFinalScore: true));
        Assert.All(new[] { "none", "offered", "scheduled", "declined", "visited" }, o => Assert.Contains(o, DataDictionary.SiteVisitOutcomes));
    }

    [Fact]
    public void Every_field_has_a_Thai_and_an_English_name_and_no_field_carries_answers_evidence_or_people()
    {
        Assert.All(DataDictionary.Fields, f =>
        {
            Assert.False(string.IsNullOrWhiteSpace(f.NameTh));
            Assert.False(string.IsNullOrWhiteSpace(f.NameEn));
            Assert.DoesNotMatch("(?i)answer|explanation|evidence|reviewer|email|finding", f.Name);
        });
        Assert.Equal(DataDictionary.Fields.Count, DataDictionary.Fields.Select(f => f.Name).Distinct().Count());
        Assert.Equal("ปีงบประมาณ (fiscalYear)", DataDictionary.CsvHeader.First());
    }
}
