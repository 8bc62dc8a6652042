using Microsoft.EntityFrameworkCore;

// The least an ASP.NET Core + EF Core app does for the benchmark's two requests on the same database:
// PUT /rows/{id}: read one row by key, check If-Match, bump its concurrency token, commit, answer the ETag;
// GET /rows: read 12 rows. No authentication, no audit, no scoring: what is left is the framework and the database.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var provider = builder.Configuration["Database:Provider"] ?? "Sqlite";
var connection = builder.Configuration.GetConnectionString("Default") ?? "Data Source=ceiling.db";
builder.Services.AddDbContext<CeilingDb>(o =>
{
    if (provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase)) o.UseNpgsql(connection);
    else o.UseSqlite(connection);
});
var app = builder.Build();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<CeilingDb>();
    await db.Database.ExecuteSqlRawAsync(
        """CREATE TABLE IF NOT EXISTS "CeilingRows" ("Id" integer PRIMARY KEY, "Version" integer NOT NULL, "Payload" text NOT NULL)""");
    // 64 rows by default; Ceiling:Rows=N for benchmarks with more writers (bench/deadline-day.sh: one per editor).
    var rows = builder.Configuration.GetValue("Ceiling:Rows", 64);
    var existing = await db.Rows.CountAsync();
    if (existing < rows)
    {
        db.Rows.AddRange(Enumerable.Range(existing + 1, rows - existing).Select(i => new CeilingRow { Id = i, Version = 1, Payload = "" }));
        await db.SaveChangesAsync();
    }
}

app.MapPut("/rows/{id:int}", async (int id, HttpRequest request, HttpResponse response, CeilingDb db) =>
{
    var row = await db.Rows.SingleOrDefaultAsync(r => r.Id == id);
    if (row is null) return Results.NotFound();
    var ifMatch = request.Headers.IfMatch.ToString().Trim('"');
    if (ifMatch != "" && ifMatch != row.Version.ToString()) return Results.StatusCode(412);
    row.Payload = await new StreamReader(request.Body).ReadToEndAsync();
    row.Version++;
    try { await db.SaveChangesAsync(); }
    catch (DbUpdateConcurrencyException) { return Results.StatusCode(412); }
    response.Headers.ETag = $"\"{row.Version}\"";
    return Results.Ok(new { row.Id, row.Version });
});
app.MapGet("/rows/{id:int}", async (int id, HttpResponse response, CeilingDb db) =>
{
    var row = await db.Rows.AsNoTracking().SingleOrDefaultAsync(r => r.Id == id);
    if (row is null) return Results.NotFound();
    response.Headers.ETag = $"\"{row.Version}\"";
    return Results.Text(row.Payload, "application/json");
});
app.MapGet("/rows", async (CeilingDb db) =>
    Results.Ok(await db.Rows.AsNoTracking().OrderBy(r => r.Id).Take(12).ToListAsync()));
app.Run();

public sealed class CeilingRow
{
    public int Id { get; set; }
    public int Version { get; set; }
    public string Payload { get; set; } = "";
}

public sealed class CeilingDb(DbContextOptions<CeilingDb> options) : DbContext(options)
{
    public DbSet<CeilingRow> Rows => Set<CeilingRow>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        model.Entity<CeilingRow>(e =>
        {
            e.ToTable("CeilingRows");
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Version).IsConcurrencyToken();
        });
    }
}
