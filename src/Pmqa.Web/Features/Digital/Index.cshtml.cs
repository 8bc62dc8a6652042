using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Pmqa.Data;
using Pmqa.Domain.Digital;
using Pmqa.Domain.Organizations;
using Pmqa.Web.Infrastructure.Web;

namespace Pmqa.Web.Features.Digital;

/// <summary>
/// The organisation's "บริการดิจิทัล" page (issue 12, ADR 0025): its services with the shares fully digital and on a
/// central platform, the add/edit form (messages at the field, what was typed kept), CSV import with the row report,
/// datasets and data exchanges, and for provinces area projects and participation channels.
/// </summary>
public sealed class IndexModel(DigitalServices services, DigitalLists lists, DigitalAccess access, DigitalProgressQueries progress, PmqaDbContext db,
    DigitalListEdits edits) : PageModel
{
    /// <summary>The form as typed: text stays text until the rules have looked at it, so nothing typed is lost.</summary>
    public sealed class ServiceForm
    {
        public Guid? Id { get; set; }
        public int? Version { get; set; }
        public string? Name { get; set; }
        public string? Audience { get; set; } = "people";
        public string? LegalBasis { get; set; }
        public string? Channel { get; set; } = "counterOnly";
        public bool FullyDigital { get; set; }
        /// <summary>The year (BE) it became fully digital; empty with the box ticked means this year (ADR 0028).</summary>
        public string? DigitisedYear { get; set; }
        public string[] CommonServices { get; set; } = [];
        public string? TargetYear { get; set; }
        public string? ExceptionReason { get; set; }
        public string? ResponsibleUnit { get; set; }
        public string? Link { get; set; }
        public string? EvidenceReference { get; set; }
        public bool Internal { get; set; }
    }

    public sealed class ListForm
    {
        /// <summary>Set when an existing entry is edited: the entry and the version the page showed (If-Match).</summary>
        public Guid? Id { get; set; }
        public int? Version { get; set; }
        public string? Title { get; set; }
        public string? Url { get; set; }
        public string? Choice { get; set; }
        public string? Date { get; set; }
        public string? Text { get; set; }
        public string? Budget { get; set; }
    }

    public Guid OrgId { get; private set; }
    public string OrganizationName { get; private set; } = "";
    public bool IsProvince { get; private set; }
    public bool CanEdit { get; private set; }
    /// <summary>OPDC grants or withdraws a service's exception for a target after 2570 (ADR 0025) from the services table.</summary>
    public bool IsOpdc { get; private set; }
    public ServiceList Register { get; private set; } = new(0, 0, 0, 0, 0, []);
    /// <summary>The planned path to 2570 drawn on the page (null while the register is empty).</summary>
    public PathChart? Path { get; private set; }
    public List<DatasetView> Datasets { get; private set; } = [];
    public List<ExchangeView> Exchanges { get; private set; } = [];
    public List<AreaProjectView> AreaProjects { get; private set; } = [];
    public List<ChannelView> Channels { get; private set; } = [];
    public IReadOnlyList<ImportProblem> ImportProblems { get; private set; } = [];
    /// <summary>Which form the errors on the page belong to, so the right one is opened and focused.</summary>
    public string? FailedForm { get; private set; }

    [BindProperty] public ServiceForm Service { get; set; } = new();
    [BindProperty] public ListForm Entry { get; set; } = new();
    [BindProperty(SupportsGet = true)] public Guid? Edit { get; set; }
    /// <summary>A dataset, exchange, area project or channel opened for editing (<c>?editEntry=</c>).</summary>
    [BindProperty(SupportsGet = true)] public Guid? EditEntry { get; set; }
    [TempData] public string? Message { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid orgId)
    {
        if (!await LoadAsync(orgId)) return NotFound();
        if (Edit is { } id && Register.Services.FirstOrDefault(s => s.Id == id) is { } s)
            Service = new ServiceForm
            {
                Id = s.Id, Version = s.Version, Name = s.Name, Audience = s.Audience, LegalBasis = s.LegalBasis, Channel = s.Channel, FullyDigital = s.FullyDigital,
                CommonServices = s.CommonServices, TargetYear = s.TargetYear.ToString(CultureInfo.InvariantCulture), ExceptionReason = s.ExceptionReason,
                ResponsibleUnit = s.ResponsibleUnit, Link = s.Link, EvidenceReference = s.EvidenceReference, Internal = s.Internal,
                DigitisedYear = s.DigitisedYear?.ToString(CultureInfo.InvariantCulture),
            };
        if (EditEntry is { } entryId) OpenEntry(entryId);
        return Page();
    }

    /// <summary>Fills the small list's form with the entry, so its details open prefilled (as after a refused save).</summary>
    private void OpenEntry(Guid id)
    {
        static string? Day(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        if (Datasets.FirstOrDefault(d => d.Id == id) is { } d)
            (FailedForm, Entry) = ("dataset", new ListForm { Id = id, Version = d.Version, Title = d.Title, Url = d.CatalogUrl, Choice = d.UpdateFrequency, Date = Day(d.LastUpdated) });
        else if (Exchanges.FirstOrDefault(x => x.Id == id) is { } x)
            (FailedForm, Entry) = ("exchange", new ListForm { Id = id, Version = x.Version, Title = x.PartnerAgency, Text = x.Data, Choice = x.Direction, Date = Day(x.Since) });
        else if (AreaProjects.FirstOrDefault(a => a.Id == id) is { } a)
            (FailedForm, Entry) = ("area", new ListForm
            {
                Id = id, Version = a.Version, Title = a.Name, Url = a.ValueChain, Text = a.PartnerAgencies, Choice = a.Status,
                Budget = a.Budget.ToString("0.##", CultureInfo.InvariantCulture),
            });
        else if (Channels.FirstOrDefault(c => c.Id == id) is { } c)
            (FailedForm, Entry) = ("channel", new ListForm { Id = id, Version = c.Version, Title = c.Name, Text = c.Usage });
    }

    public async Task<IActionResult> OnPostSaveAsync(Guid orgId)
    {
        var ct = HttpContext.RequestAborted;
        int? year = int.TryParse(Service.TargetYear?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var y) ? y : null;
        int? digitised = int.TryParse(Service.DigitisedYear?.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var dy) ? dy : null;
        var digitisedNotANumber = digitised is null && !string.IsNullOrWhiteSpace(Service.DigitisedYear);
        var input = new ServiceInput(Service.Name, Service.Audience, Service.LegalBasis, Service.Channel, Service.FullyDigital, Service.CommonServices, year,
            Service.ExceptionReason, null, Service.ResponsibleUnit, Service.Link, Service.EvidenceReference, Service.Internal, digitised);
        // Text that is not a year is refused before anything is saved: read as empty, it would silently become this year.
        if (digitisedNotANumber)
        {
            FailedForm = "service";
            ModelState.AddModelError("Service.DigitisedYear", Bilingual.T("ปีต้องเป็นตัวเลข พ.ศ. เช่น 2567", "The year is a Buddhist Era number, e.g. 2567."));
            return await LoadAsync(orgId) ? Page() : NotFound();
        }
        var outcome = Service.Id is { } id
            ? await services.UpdateAsync(orgId, id, Service.Version ?? -1, input, ct)
            : await services.CreateAsync(orgId, input, ct);
        if (outcome is Outcome<ServiceView>.Ok ok)
        {
            Message = Bilingual.T($"บันทึก \"{ok.Value.Name}\" แล้ว", $"\"{ok.Value.Name}\" is saved.");
            return Redirect($"/organizations/{orgId}/digital#services");
        }
        if (outcome is Outcome<ServiceView>.NotFound) return NotFound();
        FailedForm = "service";
        if (outcome is Outcome<ServiceView>.Invalid invalid)
        {
            invalid.Errors.AddTo(ModelState, "Service");
            // Text that is not a year was kept as typed; say so at the field rather than "give a year".
            if (year is null && !string.IsNullOrWhiteSpace(Service.TargetYear))
            {
                ModelState.Remove("Service.TargetYear");
                ModelState.AddModelError("Service.TargetYear", Bilingual.T("ปีเป้าหมายต้องเป็นตัวเลข พ.ศ. เช่น 2570", "The target year is a Buddhist Era number, e.g. 2570."));
            }
        }
        else AddGeneral(outcome);
        return await LoadAsync(orgId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDeleteAsync(Guid orgId, Guid serviceId, int version)
    {
        var outcome = await services.DeleteAsync(orgId, serviceId, version, HttpContext.RequestAborted);
        if (outcome is Outcome<bool>.NotFound) return NotFound();
        if (outcome is Outcome<bool>.Ok) { Message = Bilingual.T("ลบบริการแล้ว", "The service is removed."); return Redirect($"/organizations/{orgId}/digital#services"); }
        AddGeneral(outcome);
        return await LoadAsync(orgId) ? Page() : NotFound();
    }

    /// <summary>OPDC grants (or withdraws) the exception a service asks for: the service as stored, with the grant changed,
    /// saved with the version the page showed (a stale page is told so; ADR 0025 records who and when).</summary>
    public async Task<IActionResult> OnPostExceptionAsync(Guid orgId, Guid serviceId, int version, bool grant)
    {
        var ct = HttpContext.RequestAborted;
        if (await services.GetAsync(orgId, serviceId, ct) is not Outcome<ServiceView>.Ok { Value: var v }) return NotFound();
        var input = new ServiceInput(v.Name, v.Audience, v.LegalBasis, v.Channel, v.FullyDigital, v.CommonServices, v.TargetYear, v.ExceptionReason, grant,
            v.ResponsibleUnit, v.Link, v.EvidenceReference, v.Internal, v.DigitisedYear);
        var outcome = await services.UpdateAsync(orgId, serviceId, version, input, ct);
        if (outcome is Outcome<ServiceView>.NotFound) return NotFound();
        if (outcome is Outcome<ServiceView>.Ok)
        {
            Message = grant ? Bilingual.T($"อนุมัติการยกเว้นของ \"{v.Name}\" แล้ว", $"The exception for \"{v.Name}\" is granted.")
                : Bilingual.T($"ยกเลิกการยกเว้นของ \"{v.Name}\" แล้ว", $"The exception for \"{v.Name}\" is withdrawn.");
            return Redirect($"/organizations/{orgId}/digital#services");
        }
        AddGeneral(outcome);
        return await LoadAsync(orgId) ? Page() : NotFound();
    }

    /// <summary>Removes a dataset, exchange, area project or channel with the version the page showed (audited).</summary>
    public async Task<IActionResult> OnPostRemoveEntryAsync(Guid orgId, string kind, Guid entryId, int version)
    {
        var ct = HttpContext.RequestAborted;
        var outcome = kind switch
        {
            "dataset" => await edits.DeleteDatasetAsync(orgId, entryId, version, ct),
            "exchange" => await edits.DeleteExchangeAsync(orgId, entryId, version, ct),
            "area" => await edits.DeleteAreaProjectAsync(orgId, entryId, version, ct),
            "channel" => await edits.DeleteChannelAsync(orgId, entryId, version, ct),
            _ => new Outcome<bool>.NotFound(),
        };
        if (outcome is Outcome<bool>.NotFound) return NotFound();
        if (outcome is Outcome<bool>.Ok) { Message = Bilingual.T("ลบรายการแล้ว", "The entry is removed."); return Redirect($"/organizations/{orgId}/digital#{kind}s"); }
        AddGeneral(outcome);
        return await LoadAsync(orgId) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostImportAsync(Guid orgId, IFormFile? file)
    {
        var ct = HttpContext.RequestAborted;
        FailedForm = "import";
        string? csv = null;
        if (file is { Length: > 0 and <= DigitalApi.MaxCsvBytes })
        {
            try
            {
                using var reader = new StreamReader(file.OpenReadStream(), new UTF8Encoding(false, true));
                csv = await reader.ReadToEndAsync(ct);
            }
            catch (DecoderFallbackException) { }
        }
        if (csv is null)
        {
            ModelState.AddModelError("file", Bilingual.T($"กรุณาเลือกไฟล์ CSV แบบ UTF-8 ขนาดไม่เกิน {DigitalApi.MaxCsvBytes / 1024} KB",
                $"Choose a UTF-8 CSV file of at most {DigitalApi.MaxCsvBytes / 1024} KB."));
            return await LoadAsync(orgId) ? Page() : NotFound();
        }
        var outcome = await services.ImportAsync(orgId, csv, ct);
        if (outcome is Outcome<ImportOutcome>.NotFound) return NotFound();
        if (outcome is Outcome<ImportOutcome>.Ok { Value: var done })
        {
            if (done.Problems.Count == 0)
            {
                Message = Bilingual.T($"นำเข้า {done.Ids.Length} บริการแล้ว", $"{done.Ids.Length} services imported.");
                return Redirect($"/organizations/{orgId}/digital#services");
            }
            ImportProblems = done.Problems;
        }
        else AddGeneral(outcome);
        return await LoadAsync(orgId) ? Page() : NotFound();
    }

    // Each small list's form adds an entry, or changes the one opened with ?editEntry= at the version the page showed.
    public Task<IActionResult> OnPostDatasetAsync(Guid orgId)
    {
        var input = new DatasetInput(Entry.Title, Entry.Url, Entry.Choice, Date(Entry.Date));
        return AddAsync(orgId, "dataset", ct => Entry.Id is { } id
            ? edits.UpdateDatasetAsync(orgId, id, Entry.Version ?? -1, input, ct)
            : lists.AddDatasetAsync(orgId, input, ct));
    }

    public Task<IActionResult> OnPostExchangeAsync(Guid orgId)
    {
        var input = new ExchangeInput(Entry.Title, Entry.Text, Entry.Choice, Date(Entry.Date));
        return AddAsync(orgId, "exchange", ct => Entry.Id is { } id
            ? edits.UpdateExchangeAsync(orgId, id, Entry.Version ?? -1, input, ct)
            : lists.AddExchangeAsync(orgId, input, ct));
    }

    public Task<IActionResult> OnPostAreaProjectAsync(Guid orgId)
    {
        var input = new AreaProjectInput(Entry.Title, Entry.Url, Entry.Text,
            decimal.TryParse(Entry.Budget?.Replace(",", ""), NumberStyles.Number, CultureInfo.InvariantCulture, out var b) ? b : null, Entry.Choice);
        return AddAsync(orgId, "area", ct => Entry.Id is { } id
            ? edits.UpdateAreaProjectAsync(orgId, id, Entry.Version ?? -1, input, ct)
            : lists.AddAreaProjectAsync(orgId, input, ct));
    }

    public Task<IActionResult> OnPostChannelAsync(Guid orgId)
    {
        var input = new ChannelInput(Entry.Title, Entry.Text);
        return AddAsync(orgId, "channel", ct => Entry.Id is { } id
            ? edits.UpdateChannelAsync(orgId, id, Entry.Version ?? -1, input, ct)
            : lists.AddChannelAsync(orgId, input, ct));
    }

    private static DateOnly? Date(string? text) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    /// <summary>The four small lists share one form shape (<see cref="ListForm"/>); their API field names map onto it here.</summary>
    private static readonly Dictionary<string, string> EntryField = new()
    {
        ["title"] = "Title", ["name"] = "Title", ["partnerAgency"] = "Title", ["catalogUrl"] = "Url", ["valueChain"] = "Url",
        ["updateFrequency"] = "Choice", ["direction"] = "Choice", ["status"] = "Choice", ["lastUpdated"] = "Date", ["since"] = "Date",
        ["data"] = "Text", ["partnerAgencies"] = "Text", ["usage"] = "Text", ["budget"] = "Budget",
    };

    private async Task<IActionResult> AddAsync<T>(Guid orgId, string form, Func<CancellationToken, Task<Outcome<T>>> add)
    {
        var outcome = await add(HttpContext.RequestAborted);
        if (outcome is Outcome<T>.NotFound) return NotFound();
        if (outcome is Outcome<T>.Ok)
        {
            Message = Bilingual.T("บันทึกแล้ว", "Saved.");
            return Redirect($"/organizations/{orgId}/digital#{form}s");
        }
        FailedForm = form;
        if (outcome is Outcome<T>.Invalid invalid)
            foreach (var (field, message) in invalid.Errors.All) ModelState.AddModelError($"Entry.{EntryField.GetValueOrDefault(field, "Title")}", message.ToString());
        else AddGeneral(outcome);
        return await LoadAsync(orgId) ? Page() : NotFound();
    }

    private void AddGeneral<T>(Outcome<T> outcome)
    {
        if (outcome is Outcome<T>.Conflict c) ModelState.AddModelError("", c.Message.ToString());
        else if (outcome is Outcome<T>.Forbidden f) ModelState.AddModelError("", f.Message.ToString());
    }

    private async Task<bool> LoadAsync(Guid orgId)
    {
        var ct = HttpContext.RequestAborted;
        if (await services.ListAsync(orgId, ct) is not Outcome<ServiceList>.Ok { Value: var register }) return false;
        Register = register;
        OrgId = orgId;
        var org = await db.Organizations.AsNoTracking().Where(o => o.Id == orgId).Select(o => new { o.NameTh, o.NameEn, o.Type }).SingleAsync(ct);
        OrganizationName = Bilingual.T(org.NameTh, org.NameEn);
        IsProvince = org.Type == OrganizationType.Province;
        CanEdit = await access.CanEditAsync(orgId);
        IsOpdc = await access.IsOpdcAsync();
        if (register.Total > 0 && await progress.OrganizationAsync(orgId, ct) is Outcome<OrganizationPath>.Ok { Value: var path })
            Path = new PathChart("register-path", path.Figures, path.Path, path.Actual, path.CurrentYear);
        if (await lists.DatasetsAsync(orgId, ct) is Outcome<List<DatasetView>>.Ok d) Datasets = d.Value;
        if (await lists.ExchangesAsync(orgId, ct) is Outcome<List<ExchangeView>>.Ok e) Exchanges = e.Value;
        if (IsProvince)
        {
            if (await lists.AreaProjectsAsync(orgId, ct) is Outcome<List<AreaProjectView>>.Ok a) AreaProjects = a.Value;
            if (await lists.ChannelsAsync(orgId, ct) is Outcome<List<ChannelView>>.Ok c) Channels = c.Value;
        }
        return true;
    }
}
