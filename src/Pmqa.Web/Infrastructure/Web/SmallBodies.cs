namespace Pmqa.Web.Infrastructure.Web;

// Small answer bodies of the API, named rather than anonymous: the request delegate generator (ADR 0036) cannot name
// an anonymous type inside Results<…>, and OpenAPI gets a schema name. Serialised as before ({"id": …}, {"version": …}).

/// <summary>What a POST that created something answers, beside its Location.</summary>
public sealed record CreatedId(Guid Id);

/// <summary>The version a change produced (the next If-Match / version to send).</summary>
public sealed record NewVersion(int Version);

/// <summary>The assessment state a transition led to.</summary>
public sealed record NewState(string State);

/// <summary>A link to hand to someone (e.g. a one-time set-password link).</summary>
public sealed record IssuedLink(string Link);

/// <summary>How many assessments opening a round created.</summary>
public sealed record OpenedRound(int AssessmentsCreated);
