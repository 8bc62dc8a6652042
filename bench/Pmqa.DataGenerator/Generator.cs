using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Data.Entities;
using Pmqa.Domain.Frameworks;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Scoring;
using Pmqa.Domain.Time;
using Pmqa.Web.Features.Assessments;
using Pmqa.Web.Features.Evidence;
using Pmqa.Web.Features.Frameworks;
using Pmqa.Web.Features.Organizations;
using Pmqa.Web.Features.Rounds;
using Pmqa.Web.Infrastructure.Storage;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.DataGenerator;

/// <summary>One organisation the generator assesses. <paramref name="Index"/> fixes its content: the same seed
/// gives the same organisation the same people, answers and files whatever N is.</summary>
public sealed record PlannedOrganization(int Index, string Code, string NameTh, string NameEn, OrganizationType Type, string? ParentCode, string? ParentNameTh)
{
    public string Domain => Code.ToLowerInvariant() + ".demo.go.th";
    public string CoordinatorEmail => "coordinator@" + Domain;
    public string OwnerEmail => "owner@" + Domain;
    public string ExecutiveEmail => "executive@" + Domain;
    public string EditorEmail(int k) => $"editor{k}@" + Domain;
}

/// <summary>A generated user, as the generator acts on their behalf.</summary>
public sealed record Person(Guid Id, string Email, string DisplayName);

/// <summary>An organisation's generated team.</summary>
public sealed record Team(Person Coordinator, Person Owner, Person Executive);

public sealed class Report
{
    public int FiscalYear { get; set; }
    public Guid RoundId { get; set; }
    public string RoundNote { get; set; } = "";
    public int SeedOrganizationsImported { get; set; }
    public int OrganizationsCreated { get; set; }
    public int OrganizationsExisting { get; set; }
    public int UsersCreated { get; set; }
    public int MembershipsCreated { get; set; }
    public int AssessmentsFilled { get; set; }
    public int AssessmentsSkipped { get; set; }
    public int AssessmentsAddedToOpenRound { get; set; }
    public int OtherDraftsFromOpenRound { get; set; }
    public int Answers { get; set; }
    public int Indicators { get; set; }
    public int ProfileSections { get; set; }
    public int EvidenceFiles { get; set; }
    public long EvidenceBytes { get; set; }
    public int EvidenceLinks { get; set; }
    public int Submitted { get; set; }
    public List<string> SubmitProblems { get; } = [];
    public ReviewReport Reviews { get; } = new();
    public List<(string Code, decimal Total, MaturityLevel Status)> Scores { get; } = [];
    public List<PlannedOrganization> Organizations { get; } = [];
}

/// <summary>
/// Fills the application's database: the shipped ministries, clusters and provinces; N assessed organisations
/// (provinces from the seed list, made-up departments and public organisations); a coordinator, a category owner
/// and an executive for each; the fiscal year's round, created and opened by the application's own handlers;
/// and for each organisation a complete assessment (ticks, Thai explanations, indicators, evidence files).
/// Optionally a share is submitted and approved through the application's transitions, which freeze the snapshot.
/// Optionally a share of those is then reviewed by OPDC, up to the site visit and certification (<see cref="ReviewGenerator"/>).
/// </summary>
public sealed class Generator(IServiceProvider services, GeneratorOptions options, TextWriter log)
{
    // Department, Province, Department, public Organisation, … : half departments, 30 % provinces, 20 % public organisations.
    private const string TypePattern = "DPDOPDPDOD";
    private readonly Report _report = new();
    private readonly TimeProvider _clock = services.GetRequiredService<TimeProvider>();
    private readonly IBlobStore _blobs = services.GetRequiredService<IBlobStore>();
    /// <summary>
    /// The password, checked once by the application's password validators and hashed once by its password hasher
    /// (PBKDF2, about 50 ms a hash). Every user generated in a run gets this hash: a real, verifiable hash of the
    /// shared demo password, without spending 15 s per hundred organisations on identical work.
    /// </summary>
    private string? _passwordHash;

    public async Task<Report> RunAsync(CancellationToken ct = default)
    {
        var fiscalYear = options.FiscalYear ?? ThaiTime.FiscalYearOf(_clock.GetUtcNow());
        _report.FiscalYear = fiscalYear;
        await CheckBeforeWritingAsync(ct);
        await ImportSeedOrganizationsAsync(ct);
        var plan = await PlanAsync(ct);
        _report.Organizations.AddRange(plan);
        await CreateOrganizationsAsync(plan, ct);
        var round = await EnsureRoundAsync(fiscalYear, plan, ct);
        _report.RoundId = round.Id;
        var pack = await PackAsync(round.FrameworkVersionId, ct);

        var organizations = await OrganizationIdsAsync(plan, ct);
        var assessments = await AssessmentsAsync(round.Id, organizations.Values, ct);
        var filled = new List<(PlannedOrganization Org, Guid AssessmentId, Team Team)>();
        var all = new List<(PlannedOrganization Org, Guid AssessmentId, Team Team)>();
        // OPDC's people first, so that the officer also receives the approvals' notifications as OPDC would.
        var reviews = options.ReviewedShare > 0 ? await ReviewGenerator.CreateAsync(services, options, this, _report, log, ct) : null;
        var step = Math.Max(1, plan.Count / 10);
        foreach (var org in plan)
        {
            var organizationId = organizations[org.Code];
            var team = await EnsureTeamAsync(org, organizationId, ct);
            if (!assessments.TryGetValue(organizationId, out var assessment))
            {
                log.WriteLine($"  {org.Code}: no assessment in the round (its type is not in the round's audiences); skipped");
                continue;
            }
            all.Add((org, assessment.Id, team));
            if (assessment.HasAnswers)
            {
                _report.AssessmentsSkipped++;
                continue;
            }
            await FillAsync(org, assessment.Id, team, pack, fiscalYear, round.SiteVisitThreshold, ct);
            filled.Add((org, assessment.Id, team));
            if (filled.Count % step == 0) log.WriteLine($"  {filled.Count} assessments filled…");
        }
        await SubmitShareAsync(filled, ct);
        if (reviews is not null) await reviews.RunAsync(all, round, pack, ct);
        var plans = await PlanGenerator.RunAsync(services, all.Select(a => (a.AssessmentId, a.Team)), fiscalYear, log, ct);
        if (plans > 0) log.WriteLine($"  {plans} improvement plans approved, with 6-month reports");
        var registers = await DigitalGenerator.RunAsync(services, all.Select(a => (organizations[a.Org.Code], a.Org.Type, a.Team)), log, ct);
        if (registers > 0) log.WriteLine($"  {registers} digital-government registers filled (services, a GD Catalog dataset, a data exchange; provinces' area projects)");
        var followUps = await FollowUpGenerator.RunAsync(services, all.Select(a => (organizations[a.Org.Code], a.Team)), ct);
        if (followUps > 0) log.WriteLine($"  {followUps} digital progress updates approved over two past follow-up periods (some late, some missing)");
        var nextYear = await NextYearGenerator.RunAsync(services, options.Framework, all.Select(a => (a.AssessmentId, a.Team)), fiscalYear, log, ct);
        if (nextYear > 0) log.WriteLine($"  {nextYear} agencies with a plan got fiscal year {fiscalYear + 1}'s assessment, started from this year's and improved");
        return _report;
    }

    // The framework ------------------------------------------------------------------------------------------

    /// <summary>Refuses a bad framework code or password before anything is written.</summary>
    private async Task CheckBeforeWritingAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (!await sp.GetRequiredService<PmqaDbContext>().FrameworkVersions.AnyAsync(f => f.Code == options.Framework, ct))
            throw new GeneratorException($"No framework '{options.Framework}' in the database; the application loads the packs under Frameworks:Directory at start-up.");
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var probe = new AppUser { UserName = "probe@demo.go.th", Email = "probe@demo.go.th" };
        var problems = new List<string>();
        foreach (var validator in users.PasswordValidators)
            problems.AddRange((await validator.ValidateAsync(users, probe, options.Password)).Errors.Select(e => e.Description));
        if (problems.Count > 0) throw new GeneratorException("--password is refused by the application's rules: " + string.Join(" ", problems));
        _passwordHash = users.PasswordHasher.HashPassword(probe, options.Password);
    }

    /// <summary>The framework version the round uses (a reused round may be on an older version than the current one).</summary>
    private async Task<FrameworkPack> PackAsync(Guid frameworkVersionId, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var version = await scope.ServiceProvider.GetRequiredService<PmqaDbContext>().FrameworkVersions.AsNoTracking()
            .Where(f => f.Id == frameworkVersionId).Select(f => new { f.Code, f.Version }).SingleAsync(ct);
        var found = await scope.ServiceProvider.GetRequiredService<FrameworkCatalog>().FindAsync(version.Code, version.Version, ct);
        return found!.Value.Pack;
    }

    // Organisations ------------------------------------------------------------------------------------------

    /// <summary>Imports seeds/organizations-th.csv through the application's importer when any of its codes is missing.</summary>
    private async Task ImportSeedOrganizationsAsync(CancellationToken ct)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "seeds", "organizations-th.csv");
        if (!File.Exists(file))
        {
            log.WriteLine($"  {file} not found; ministries, clusters and provinces are taken as they are in the database");
            return;
        }
        var codes = (await File.ReadAllLinesAsync(file, ct)).Skip(1).Select(l => l.Split(',')[0].Trim()).Where(c => c.Length > 0).ToList();
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var existing = await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).CountAsync(ct);
        if (existing == codes.Count) return;
        await using var csv = File.OpenRead(file);
        var result = await scope.ServiceProvider.GetRequiredService<ImportOrganizations>().HandleAsync(csv, ct);
        if (!result.Succeeded)
            throw new GeneratorException("The shipped organisation list could not be imported: " +
                string.Join("; ", result.Errors.Select(e => $"row {e.Row} {e.Field}: {e.Message.En}")));
        _report.SeedOrganizationsImported = result.Created;
        log.WriteLine($"  imported {result.Created} ministries, province clusters and provinces from seeds/organizations-th.csv");
    }

    /// <summary>The N organisations to assess, the same for the same seed: each slot of <see cref="TypePattern"/>
    /// takes the next seed province (in a shuffled order) or the next made-up department or public organisation.</summary>
    private async Task<List<PlannedOrganization>> PlanAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var provinces = await db.Organizations.AsNoTracking()
            .Where(o => o.Type == OrganizationType.Province && o.IsActive)
            .Select(o => new { o.Code, o.NameTh, o.NameEn, Parent = o.Parent!.NameTh }).ToListAsync(ct);
        var shuffle = new Random(options.Seed);
        var provinceOrder = provinces.OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => (p, k: shuffle.Next())).OrderBy(x => x.k).Select(x => x.p).ToList();
        var ministryNames = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.Ministry && o.IsActive)
            .ToDictionaryAsync(o => o.Code, o => o.NameTh, ct);
        var ministries = ministryNames.Keys.Order(StringComparer.Ordinal).ToList();
        string? Ministry(string code, int n) => ministries.Contains(code) ? code : ministries.Count == 0 ? null : ministries[n % ministries.Count];
        string? NameOf(string? code) => code is null ? null : ministryNames.GetValueOrDefault(code);

        var plan = new List<PlannedOrganization>();
        int departments = 0, publicOrganizations = 0, provincesUsed = 0;
        for (var i = 0; i < options.Organizations; i++)
        {
            var slot = TypePattern[i % TypePattern.Length];
            if (slot == 'P' && provincesUsed < provinceOrder.Count)
            {
                var p = provinceOrder[provincesUsed++];
                plan.Add(new PlannedOrganization(i, p.Code, p.NameTh, p.NameEn, OrganizationType.Province, null, p.Parent));
            }
            else if (slot == 'O')
            {
                var (th, en, ministry) = ThaiText.PublicOrganization(publicOrganizations, options.Seed);
                var parent = Ministry(ministry, i);
                plan.Add(new PlannedOrganization(i, $"DEMO-PO{++publicOrganizations:000}", th, en, OrganizationType.PublicOrganization, parent, NameOf(parent)));
            }
            else
            {
                var (th, en, ministry) = ThaiText.Department(departments, options.Seed);
                var parent = Ministry(ministry, i);
                plan.Add(new PlannedOrganization(i, $"DEMO-D{++departments:000}", th, en, OrganizationType.Department, parent, NameOf(parent)));
            }
        }
        return plan;
    }

    /// <summary>Adds the made-up organisations that do not exist yet (checked by the application's rules), in one save.</summary>
    private async Task CreateOrganizationsAsync(List<PlannedOrganization> plan, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var codes = plan.Select(p => p.Code).ToList();
        var existing = (await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).Select(o => o.Code).ToListAsync(ct))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var parents = await db.Organizations.AsNoTracking().Where(o => o.Type == OrganizationType.Ministry).ToDictionaryAsync(o => o.Code, ct);
        foreach (var org in plan)
        {
            if (existing.Contains(org.Code))
            {
                _report.OrganizationsExisting++;
                continue;
            }
            var input = new OrganizationInput(org.Code, org.NameTh, org.NameEn, org.Type.ApiName(), org.ParentCode);
            var errors = OrganizationRules.Validate(input, code => parents.GetValueOrDefault(code));
            if (errors.Any)
                throw new GeneratorException($"{org.Code}: " + string.Join("; ", errors.All.Select(e => $"{e.Field}: {e.Message.En}")));
            db.Organizations.Add(new Organization
            {
                Code = org.Code, NameTh = org.NameTh, NameEn = org.NameEn, Type = org.Type,
                ParentId = org.ParentCode is null ? null : parents[org.ParentCode].Id,
            });
            _report.OrganizationsCreated++;
        }
        await db.SaveChangesAsync(ct);
    }

    private async Task<Dictionary<string, Guid>> OrganizationIdsAsync(List<PlannedOrganization> plan, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var codes = plan.Select(p => p.Code).ToList();
        return await db.Organizations.AsNoTracking().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, o => o.Id, StringComparer.OrdinalIgnoreCase, ct);
    }

    // The round ----------------------------------------------------------------------------------------------

    /// <summary>
    /// The fiscal year's round on the framework: the newest existing one is reused (and opened if it is still a plan);
    /// otherwise one is created and opened by the application's CreateRound and OpenRound, which gives every active
    /// department, province and public organisation a draft. Generated organisations that joined after the round was
    /// opened get their draft here, as OpenRound would have made it.
    /// </summary>
    private async Task<Round> EnsureRoundAsync(int fiscalYear, List<PlannedOrganization> plan, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PmqaDbContext>();
        var round = await db.Rounds.AsNoTracking()
            .Where(r => r.FiscalYear == fiscalYear && r.FrameworkVersion!.Code == options.Framework)
            .OrderByDescending(r => r.CreatedAt).FirstOrDefaultAsync(ct);
        if (round is null)
        {
            var created = await sp.GetRequiredService<CreateRound>().HandleAsync(RoundDates(fiscalYear), ct);
            if (created is not Outcome<Guid>.Ok { Value: var id })
                throw new GeneratorException("CreateRound refused the round: " + Describe(created));
            round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == id, ct);
            _report.RoundNote = "created";
        }
        else
        {
            _report.RoundNote = "reused";
        }

        if (round.OpenedAt is null)
        {
            var opened = await sp.GetRequiredService<OpenRound>().HandleAsync(round.Id, ct);
            if (opened is not Outcome<int>.Ok { Value: var count })
                throw new GeneratorException("OpenRound refused: " + Describe(opened));
            var planned = plan.Select(p => p.Code).ToHashSet(StringComparer.OrdinalIgnoreCase);
            var inRound = await db.Assessments.AsNoTracking().Where(a => a.RoundId == round.Id)
                .Select(a => a.Organization!.Code).ToListAsync(ct);
            _report.OtherDraftsFromOpenRound = inRound.Count(c => !planned.Contains(c));
            _report.RoundNote += $" and opened ({count} drafts)";
            round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == round.Id, ct);
        }
        else
        {
            var types = round.Audiences.Split(',').Select(a => OrganizationTypes.TryParseApiName(a, out var t) ? t : (OrganizationType?)null)
                .OfType<OrganizationType>().ToHashSet();
            var codes = plan.Where(p => types.Contains(p.Type)).Select(p => p.Code).ToList();
            var missing = await db.Organizations.Where(o => codes.Contains(o.Code) && o.IsActive)
                .Where(o => !db.Assessments.Any(a => a.RoundId == round.Id && a.OrganizationId == o.Id))
                .Select(o => o.Id).ToListAsync(ct);
            var now = _clock.GetUtcNow();
            foreach (var organizationId in missing)
                db.Assessments.Add(new Assessment { RoundId = round.Id, OrganizationId = organizationId, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            _report.AssessmentsAddedToOpenRound = missing.Count;
        }
        return round;
    }

    /// <summary>A round on the fiscal year's usual calendar, or, once its deadline is near or gone, dates from today
    /// that the round rules still accept (RoundCalendar, tested with a moving clock).</summary>
    private RoundInput RoundDates(int fiscalYear)
    {
        var d = RoundCalendar.Suggested(fiscalYear, _clock.GetUtcNow())
            ?? throw new GeneratorException($"Fiscal year {fiscalYear} is over: a new round of it could no longer be submitted. Choose a later fiscal year.");
        return new RoundInput(fiscalYear, options.Framework, CreateRound.AudienceNames, d.OpensAt, d.SubmissionDeadline,
            d.VerificationEndsAt, d.SiteVisitFrom, d.SiteVisitTo, d.AwardDate);
    }

    private sealed record AssessmentRow(Guid Id, bool HasAnswers);

    private async Task<Dictionary<Guid, AssessmentRow>> AssessmentsAsync(Guid roundId, IEnumerable<Guid> organizationIds, CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
        var ids = organizationIds.ToList();
        var rows = await db.Assessments.AsNoTracking().Where(a => a.RoundId == roundId && ids.Contains(a.OrganizationId))
            .Select(a => new { a.Id, a.OrganizationId, HasAnswers = db.IssueAnswers.Any(x => x.AssessmentId == a.Id) })
            .ToListAsync(ct);
        return rows.ToDictionary(a => a.OrganizationId, a => new AssessmentRow(a.Id, a.HasAnswers));
    }

    // People -------------------------------------------------------------------------------------------------

    /// <summary>The organisation's coordinator, category owner and executive.</summary>
    private async Task<Team> EnsureTeamAsync(PlannedOrganization org, Guid organizationId, CancellationToken ct)
    {
        var r = new Random(OrgSeed(org.Index, 1));
        var people = await EnsureUsersAsync(organizationId,
        [
            (org.CoordinatorEmail, Role.Coordinator, ThaiText.PersonName(r)),
            (org.OwnerEmail, Role.CategoryOwner, ThaiText.PersonName(r)),
            (org.ExecutiveEmail, Role.Executive, ThaiText.PersonName(r, senior: true)),
        ], ct);
        if (options.Editors > 1)
        {
            // Extra category owners for the deadline-day benchmark; the random stream above is left as it was, so
            // the same seed still gives the same coordinator, owner and executive.
            var editors = await EnsureUsersAsync(organizationId, Enumerable.Range(2, options.Editors - 1)
                .Select(k => (org.EditorEmail(k), Role.CategoryOwner, $"ผู้แก้ไข {k} {org.Code}")).ToList(), ct);
            _editors[org.Code] = editors;
        }
        return new Team(people[0], people[1], people[2]);
    }

    /// <summary>editor2@ … editorN@ of each organisation (the <c>--editors</c> option), by organisation code.</summary>
    private readonly Dictionary<string, List<Person>> _editors = [];

    /// <summary>
    /// Users created through the application's UserManager (its validators, normalisation and security stamp)
    /// when their e-mail is new, with their memberships of <paramref name="organizationId"/>, in one save.
    /// Existing users and memberships are kept as they are.
    /// </summary>
    internal async Task<List<Person>> EnsureUsersAsync(Guid organizationId, IReadOnlyList<(string Email, Role Role, string Name)> wanted,
        CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PmqaDbContext>();
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        // Save once per call rather than once per user.
        if (sp.GetRequiredService<IUserStore<AppUser>>() is UserOnlyStore<AppUser, PmqaDbContext, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>> store)
            store.AutoSaveChanges = false;
        var emails = wanted.Select(w => w.Email.ToUpperInvariant()).ToList();
        var existing = await db.Users.AsNoTracking().Where(u => emails.Contains(u.NormalizedEmail!)).ToListAsync(ct);
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.OrganizationId == organizationId).ToListAsync(ct);
        var people = new List<Person>();
        var now = _clock.GetUtcNow();
        foreach (var (email, role, name) in wanted)
        {
            var user = existing.FirstOrDefault(u => string.Equals(u.Email, email, StringComparison.OrdinalIgnoreCase));
            if (user is null)
            {
                user = new AppUser
                {
                    Email = email, UserName = email, DisplayName = name, EmailConfirmed = true, PreferredLanguage = "th", CreatedAt = now,
                    PasswordHash = _passwordHash,
                };
                var created = await users.CreateAsync(user);
                if (!created.Succeeded)
                    throw new GeneratorException($"{email}: " + string.Join("; ", created.Errors.Select(e => e.Description)));
                _report.UsersCreated++;
            }
            if (!memberships.Any(m => m.UserId == user.Id && m.Role == role))
            {
                db.Memberships.Add(new Membership { UserId = user.Id, OrganizationId = organizationId, Role = role, CreatedAt = now });
                _report.MembershipsCreated++;
            }
            people.Add(new Person(user.Id, email, user.DisplayName));
        }
        await db.SaveChangesAsync(ct);
        return people;
    }

    // Answers and evidence -----------------------------------------------------------------------------------

    /// <summary>
    /// Answers every issue, writes the organisation profile and attaches the evidence files, acting as the people who
    /// would: the coordinator gives two or three categories to the category owner, answers the others, uploads the
    /// files and writes the profile (one save); the category owner then answers the categories given to them (a
    /// second save). The audit trail and "updated by" name them. Every answer is first checked by the application's
    /// own answer validation.
    /// </summary>
    private async Task FillAsync(PlannedOrganization org, Guid assessmentId, Team team, FrameworkPack pack, int fiscalYear,
        decimal threshold, CancellationToken ct)
    {
        var r = new Random(OrgSeed(org.Index, 2));
        var now = _clock.GetUtcNow();

        // A maturity profile: a fifth weak, half middling, the rest strong; categories and issues vary around it.
        var tier = r.NextDouble();
        var strength = tier < 0.2 ? 0.12 + r.NextDouble() * 0.26 : tier < 0.7 ? 0.4 + r.NextDouble() * 0.28 : 0.68 + r.NextDouble() * 0.26;
        var self = ThaiText.SelfReference(org.Type, r);
        var bodies = new List<(Category Category, Issue Issue, IssueAnswerBody Body)>();
        foreach (var category in pack.Categories)
        {
            var categoryStrength = strength + IndicatorValues.Gaussian(r) * 0.08;
            foreach (var issue in category.Issues)
            {
                var x = Math.Clamp(categoryStrength + IndicatorValues.Gaussian(r) * 0.06, 0.02, 0.98);
                var body = issue.Kind == IssueKind.Process
                    ? ProcessAnswer(issue, x, r, self, fiscalYear)
                    : new IssueAnswerBody(null, null, IndicatorValues.For(issue, x, r, org.Type, fiscalYear));
                var errors = IssueAnswerHandlers.Validate(issue, body);
                if (errors.Any)
                    throw new GeneratorException($"{org.Code} {issue.Code}: the application refuses the generated answer: " +
                        string.Join("; ", errors.All.Select(e => $"{e.Field}: {e.Message.En}")));
                bodies.Add((category, issue, body));
            }
        }
        var ownerCategories = pack.Categories.OrderBy(_ => r.Next()).Take(2 + r.Next(2)).Select(c => c.Code).ToHashSet();
        var answers = new Dictionary<string, IssueAnswers>();

        void AddAnswers(PmqaDbContext db, Person by, bool owner)
        {
            foreach (var (category, issue, body) in bodies.Where(b => ownerCategories.Contains(b.Category.Code) == owner))
            {
                var row = new IssueAnswer { AssessmentId = assessmentId, IssueCode = issue.Code, UpdatedAt = now, UpdatedBy = by.Email, Version = 1 };
                AnswerDocuments.Write(row, body.Checked ?? [], body.Explanations ?? [], body.Indicators ?? []);
                db.IssueAnswers.Add(row);
                answers[issue.Code] = AnswerDocuments.ToAnswers(row);
                _report.Answers++;
                _report.Indicators += body.Indicators?.Count ?? 0;
            }
        }

        await using (var scope = Acting.As(services, team.Coordinator))
        {
            var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
            // Category K goes to editorK when there is one (index K-2), otherwise to the owner when drawn for them.
            var editors = _editors.GetValueOrDefault(org.Code) ?? [];
            foreach (var category in pack.Categories)
            {
                var editor = int.TryParse(category.Code, out var k) && k >= 2 && k - 2 < editors.Count ? editors[k - 2] : null;
                if (editor is not null || ownerCategories.Contains(category.Code))
                    db.CategoryAssignments.Add(new CategoryAssignment { AssessmentId = assessmentId, CategoryCode = category.Code, UserId = (editor ?? team.Owner).Id });
            }
            AddAnswers(db, team.Coordinator, owner: false);
            var files = await AddEvidenceAsync(db, org, assessmentId, team.Coordinator, pack, fiscalYear, r, now, ct);
            foreach (var section in pack.ProfileSections)
            {
                // Now and then a section points at one of the evidence files, as the profile page allows.
                Guid? attachment = files.Count > 0 && r.Next(5) == 0 ? files[r.Next(files.Count)] : null;
                db.ProfileAnswers.Add(new ProfileAnswer
                {
                    AssessmentId = assessmentId, SectionCode = section.Code, Text = ProfileText.For(section.Code, org, org.ParentNameTh, r, fiscalYear),
                    AttachmentId = attachment, UpdatedAt = now, UpdatedBy = team.Coordinator.Email, Version = 1,
                });
                _report.ProfileSections++;
            }
            await db.SaveChangesAsync(ct);
        }
        await using (var scope = Acting.As(services, team.Owner))
        {
            var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
            AddAnswers(db, team.Owner, owner: true);
            await db.SaveChangesAsync(ct);
        }
        // The stored score card, as every writer of answers keeps it (ADR 0015): the dashboard reads cards, never answers.
        await using (var scope = Acting.As(services, team.Coordinator))
        {
            var db = scope.ServiceProvider.GetRequiredService<PmqaDbContext>();
            var assessment = await db.Assessments.Include(a => a.Round).SingleAsync(a => a.Id == assessmentId, ct);
            await scope.ServiceProvider.GetRequiredService<ScoreCards>().ReadAsync(assessment, ct);
        }
        _report.AssessmentsFilled++;
        var card = Scoring.Score(pack, answers, threshold, pack.Scoring.StatusBands);
        _report.Scores.Add((org.Code, card.RoundedTotal, card.Status));
    }

    /// <summary>
    /// Ticks that are cumulatively plausible: Basic items mostly, Advance items mainly once Basic is complete,
    /// Significance items rarely and mainly once Advance is complete; an explanation for each level with ticks
    /// (and for Basic always, since submission needs one).
    /// </summary>
    private static IssueAnswerBody ProcessAnswer(Issue issue, double x, Random r, string self, int fiscalYear)
    {
        var ticked = new List<string>();
        var explanations = new Dictionary<string, string>();
        var lowerComplete = true;
        foreach (var level in issue.Levels.OrderBy(l => l.Level))
        {
            var p = level.Level switch
            {
                MaturityLevel.Basic => 0.6 + 0.5 * x,
                MaturityLevel.Advance => lowerComplete ? 1.2 * x - 0.15 : 0.5 * x - 0.25,
                _ => lowerComplete ? 1.3 * x - 0.55 : 0.3 * x - 0.2,
            };
            p = Math.Clamp(p, 0, 0.98);
            var yes = level.Items.Where(_ => r.NextDouble() < p).ToList();
            var no = level.Items.Except(yes).ToList();
            lowerComplete &= no.Count == 0;
            ticked.AddRange(yes.Select(i => i.Code));
            if (yes.Count > 0 || level.Level == MaturityLevel.Basic)
                explanations[level.Level.ToString()] = ThaiText.Explanation(r, level.Level, issue, yes, no, self, fiscalYear);
        }
        return new IssueAnswerBody(ticked, explanations, null);
    }

    /// <summary>K files on K different issues, each linked to its issue and sometimes to a second issue of the same
    /// category; the first a PDF, each further one a PDF or (one in three) a PNG chart. Stored through the application's blob store (by SHA-256),
    /// typed by its content sniffer and named by its file-name rules, as an upload would be.</summary>
    private async Task<List<Guid>> AddEvidenceAsync(PmqaDbContext db, PlannedOrganization org, Guid assessmentId, Person coordinator, FrameworkPack pack,
        int fiscalYear, Random r, DateTimeOffset now, CancellationToken ct)
    {
        var issues = pack.Issues.OrderBy(_ => r.Next()).Take(options.EvidencePerAssessment).OrderBy(i => i.Code, StringComparer.Ordinal).ToList();
        var ids = new List<Guid>();
        for (var k = 0; k < issues.Count; k++)
        {
            var issue = issues[k];
            var (titleTh, titleEn) = ThaiText.EvidenceTitle(issue);
            var reference = $"{org.Code}-{fiscalYear}-{issue.Code}-{k + 1}";
            byte[] bytes;
            string name;
            if (k > 0 && r.Next(3) == 0)
            {
                var values = Enumerable.Range(0, 3 + r.Next(4)).Select(_ => 0.3 + r.NextDouble() * 0.7).ToList();
                (byte, byte, byte)[] colours = [(13, 110, 253), (25, 135, 84), (111, 66, 193), (214, 51, 132), (253, 126, 20)];
                bytes = EvidenceFiles.BarChartPng(values, colours[r.Next(colours.Length)]);
                name = $"ภาพกิจกรรมประเด็น {issue.Code} {titleTh}.png";
            }
            else
            {
                bytes = EvidenceFiles.Pdf($"PMQA 4.0 evidence - issue {issue.Code}",
                [
                    $"Organisation: {org.NameEn} ({org.Code})",
                    $"Fiscal year {fiscalYear} BE ({fiscalYear - ThaiTime.BuddhistEraOffset})",
                    $"Issue {issue.Code}: {issue.NameEn}",
                    $"Document: {titleEn}",
                    $"Reference: {reference}",
                    "",
                    "Demo data made by bench/Pmqa.DataGenerator. Not a real government document.",
                ]);
                name = $"หลักฐานประเด็น {issue.Code} {titleTh}.pdf";
            }
            await using var content = new MemoryStream(bytes, writable: false);
            if (await ContentSniffer.DetectAsync(content, ct) is not SniffResult.Accepted { Kind: var kind })
                throw new GeneratorException($"The application does not accept the generated file {name}.");
            var blob = await _blobs.SaveAsync(content, ct);
            var evidence = new Evidence
            {
                AssessmentId = assessmentId, Sha256 = blob.Sha256, FileName = kind.NameFor(EvidenceText.SafeFileName(name)),
                ContentType = kind.ContentType, Length = blob.Length, UploadedAt = now, UploadedBy = coordinator.Email,
            };
            db.Evidence.Add(evidence);
            var links = new List<string> { issue.Code };
            var category = pack.CategoryOf(issue);
            if (category.Issues.Count > 1 && r.NextDouble() < 0.4)
                links.Add(category.Issues.Where(i => i.Code != issue.Code).OrderBy(_ => r.Next()).First().Code);
            foreach (var code in links) db.EvidenceLinks.Add(new EvidenceLink { EvidenceId = evidence.Id, IssueCode = code });
            _report.EvidenceFiles++;
            _report.EvidenceBytes += blob.Length;
            _report.EvidenceLinks += links.Count;
            ids.Add(evidence.Id);
        }
        return ids;
    }

    // Submission ---------------------------------------------------------------------------------------------

    /// <summary>
    /// Submits and approves the chosen share through the application's AssessmentTransitions, acting as the
    /// coordinator and then the executive: the deadline and completeness checks, the state machine and the
    /// canonical snapshot with its SHA-256 are the application's own.
    /// </summary>
    private async Task SubmitShareAsync(List<(PlannedOrganization Org, Guid AssessmentId, Team Team)> filled,
        CancellationToken ct)
    {
        var count = (int)Math.Round(filled.Count * options.SubmittedShare, MidpointRounding.AwayFromZero);
        if (count == 0) return;
        var chosen = filled.OrderBy(f => new Random(OrgSeed(f.Org.Index, 3)).Next()).Take(count).ToList();
        foreach (var (org, assessmentId, (coordinator, _, executive)) in chosen)
        {
            await using (var scope = Acting.As(services, coordinator))
            {
                var submitted = await scope.ServiceProvider.GetRequiredService<AssessmentTransitions>().SubmitAsync(assessmentId, ct);
                if (submitted is not Outcome<AssessmentTransitions.Receipt>.Ok)
                {
                    _report.SubmitProblems.Add($"{org.Code}: submit refused: {Describe(submitted)}");
                    continue;
                }
            }
            await using (var scope = Acting.As(services, executive))
            {
                var approved = await scope.ServiceProvider.GetRequiredService<AssessmentTransitions>()
                    .ApproveAsync(assessmentId, executive.DisplayName, ThaiText.ExecutivePosition(org.Type, org.NameTh), ct);
                if (approved is not Outcome<AssessmentTransitions.Receipt>.Ok)
                {
                    _report.SubmitProblems.Add($"{org.Code}: approval refused: {Describe(approved)}");
                    continue;
                }
            }
            _report.Submitted++;
        }
    }

    // Helpers ------------------------------------------------------------------------------------------------

    /// <summary>A seed for one organisation and one purpose, independent of N and of the other organisations.</summary>
    internal int OrgSeed(int index, int purpose) => unchecked(options.Seed * 1_000_003 + index * 7_919 + purpose * 104_729);

    internal static string Describe<T>(Outcome<T> outcome) => outcome switch
    {
        Outcome<T>.Invalid i => string.Join("; ", i.Errors.All.Select(e => $"{e.Field}: {e.Message.En}")),
        Outcome<T>.Conflict c => c.Message.En,
        Outcome<T>.Forbidden f => f.Message.En,
        Outcome<T>.NotFound => "not found",
        _ => outcome.ToString() ?? "",
    };
}

/// <summary>A DI scope in which the application sees <paramref name="person"/> as the signed-in user: its
/// CurrentUser (permissions) and its audit actor read the request's claims, so a scope gets a request of its own.</summary>
public static class Acting
{
    public static AsyncServiceScope As(IServiceProvider services, Person person)
    {
        var scope = services.CreateAsyncScope();
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, person.Id.ToString()), new Claim(ClaimTypes.Name, person.Email)], "DataGenerator");
        scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>().HttpContext =
            new Microsoft.AspNetCore.Http.DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        return scope;
    }
}

public sealed class GeneratorException(string message) : Exception(message);
