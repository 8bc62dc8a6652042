using Pmqa.Data.Entities;
using Pmqa.Domain.Digital;

namespace Pmqa.Web.Features.Digital;

/// <summary>A service as the API and the form send it. <c>exceptionGranted</c> is OPDC's: true grants the exception for a
/// target after 2570, false withdraws it, absent leaves it as it is.</summary>
public sealed record ServiceInput(
    string? Name, string? Audience, string? LegalBasis, string? Channel, bool? FullyDigital, string[]? CommonServices, int? TargetYear,
    string? ExceptionReason, bool? ExceptionGranted, string? ResponsibleUnit, string? Link, string? EvidenceReference, bool? Internal,
    int? DigitisedYear = null)
{
    public ServiceDraft ToDraft() => new(Name, Audience, LegalBasis, Channel, FullyDigital ?? false, CommonServices, TargetYear,
        ExceptionReason, ResponsibleUnit, Link, EvidenceReference, Internal ?? false, DigitisedYear);
}

public sealed record ServiceView(
    Guid Id, string Name, string Audience, string LegalBasis, string Channel, bool FullyDigital, bool OnCentralPlatform, string[] CommonServices,
    int TargetYear, string ExceptionReason, bool ExceptionGranted, string ExceptionGrantedBy, DateTimeOffset? ExceptionGrantedAt,
    string ResponsibleUnit, string Link, string EvidenceReference, bool Internal, int Version, int? DigitisedYear = null)
{
    public string ETag => $"\"{Version}\"";

    public static ServiceView Of(DigitalService s) => new(s.Id, s.Name, DigitalNames.ApiName(s.Audience), s.LegalBasis, DigitalNames.ApiName(s.Channel),
        s.FullyDigital, DigitalRules.OnCentralPlatform(s.Channel), DigitalNames.ApiNames(s.CommonServices), s.TargetYear, s.ExceptionReason,
        s.ExceptionGrantedAt is not null, s.ExceptionGrantedBy, s.ExceptionGrantedAt, s.ResponsibleUnit, s.Link, s.EvidenceReference, s.Internal, s.Version, s.DigitisedYear);
}

/// <summary>The register with the two shares OPDC follows: fully digital end to end, and on a central platform.</summary>
public sealed record ServiceList(int Total, int FullyDigital, int OnCentralPlatform, int FullyDigitalPercent, int OnCentralPlatformPercent, List<ServiceView> Services);

public sealed record ImportedServices(int Imported, Guid[] Ids);

public sealed record ImportRowProblem(int Row, string Field, string Message, string Th, string En);

public sealed record DatasetInput(string? Title, string? CatalogUrl, string? UpdateFrequency, DateOnly? LastUpdated);

public sealed record DatasetView(Guid Id, string Title, string CatalogUrl, string UpdateFrequency, DateOnly? LastUpdated, int Version);

public sealed record ExchangeInput(string? PartnerAgency, string? Data, string? Direction, DateOnly? Since);

public sealed record ExchangeView(Guid Id, string PartnerAgency, string Data, string Direction, DateOnly? Since, int Version);

public sealed record AreaProjectInput(string? Name, string? ValueChain, string? PartnerAgencies, decimal? Budget, string? Status);

public sealed record AreaProjectView(Guid Id, string Name, string ValueChain, string PartnerAgencies, decimal Budget, string Status, int Version);

public sealed record ChannelInput(string? Name, string? Usage);

public sealed record ChannelView(Guid Id, string Name, string Usage, int Version);
