using Pmqa.Domain.Digital;

namespace Pmqa.Data.Entities;

/// <summary>
/// One public service of an organisation in its digital-government register (issue 12, ADR 0025): where it is offered,
/// whether it is fully digital end to end, which common services of the central platforms it uses, and the year (BE)
/// it will be on a central platform — 2570 at the latest unless OPDC grants an exception with a reason.
/// </summary>
public sealed class DigitalService : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public Audience Audience { get; set; }
    public string LegalBasis { get; set; } = "";
    public ServiceChannel Channel { get; set; }
    public bool FullyDigital { get; set; }
    /// <summary>The year (BE) the service became fully digital end to end; null while it is not (ADR 0028: the pace rule).</summary>
    public int? DigitisedYear { get; set; }
    public CommonServices CommonServices { get; set; }
    /// <summary>Buddhist Era.</summary>
    public int TargetYear { get; set; }
    /// <summary>Why the service cannot be on a platform by 2570; needed when <see cref="TargetYear"/> is later.</summary>
    public string ExceptionReason { get; set; } = "";
    /// <summary>The OPDC person who granted the exception (empty until granted).</summary>
    public string ExceptionGrantedBy { get; set; } = "";
    public DateTimeOffset? ExceptionGrantedAt { get; set; }
    public string ResponsibleUnit { get; set; } = "";
    public string Link { get; set; } = "";
    /// <summary>Where the evidence is (a document number, a file name or an evidence id of an assessment).</summary>
    public string EvidenceReference { get; set; } = "";
    /// <summary>Listed for the agency and OPDC only, never in the product's open data.</summary>
    public bool Internal { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A dataset the organisation publishes in the government data catalogue (GD Catalog).</summary>
public sealed class CatalogDataset : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string Title { get; set; } = "";
    public string CatalogUrl { get; set; } = "";
    public UpdateFrequency UpdateFrequency { get; set; }
    public DateOnly? LastUpdated { get; set; }
    public int Version { get; set; }
}

/// <summary>Data the organisation exchanges with another agency.</summary>
public sealed class DataExchange : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string PartnerAgency { get; set; } = "";
    public string Data { get; set; } = "";
    public ExchangeDirection Direction { get; set; }
    public DateOnly? Since { get; set; }
    public int Version { get; set; }
}

/// <summary>A province's area-based key project set (provinces only).</summary>
public sealed class AreaProject : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string ValueChain { get; set; } = "";
    public string PartnerAgencies { get; set; } = "";
    public decimal Budget { get; set; }
    public AreaProjectStatus Status { get; set; }
    public int Version { get; set; }
}

/// <summary>A public participation channel a province uses (e.g. "บอกเรา ถึงรัฐ") and how it is used.</summary>
public sealed class ParticipationChannel : IAudited, IVersioned
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid OrganizationId { get; set; }
    public string Name { get; set; } = "";
    public string Usage { get; set; } = "";
    public int Version { get; set; }
}
