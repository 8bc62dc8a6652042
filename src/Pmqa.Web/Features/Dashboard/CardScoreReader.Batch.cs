using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Pmqa.Domain.Organizations;
using Pmqa.Domain.Scoring;

namespace Pmqa.Web.Features.Dashboard;

/// <summary>
/// The national dashboard's reads beyond the round's facts in one round trip on PostgreSQL (ADR 0031): the stored
/// statistics, the ticked counts of the submitted (ADR 0035) and the heat map's page with its scores, as one batch of
/// three statements.
/// </summary>
public sealed partial class CardScoreReader
{
    /// <summary>True when <see cref="FiguresInOneTripAsync"/> applies: PostgreSQL and no band filter (the band's
    /// statistics are the direct ones).</summary>
    public bool CanBatch(RoundData data) => db.Database.IsNpgsql() && data.Filter.Band is null;

    /// <summary>Answers the heat map's page (its rows' scores read), the statistics and the stored ticked counts of the
    /// submitted: what DashboardQueries otherwise reads in four round trips (the ticks of every submitted one among them).</summary>
    public async Task<(List<AssessmentFact> Page, PartStatistics Statistics, TickedCounts Ticked)> FiguresInOneTripAsync(
        RoundData data, IReadOnlyList<AssessmentFact> scored, Sorting sorting, CancellationToken ct = default)
    {
        var skip = (sorting.Page - 1) * RoundDashboard.PageSize;
        var byIssue = data.Pack.FindIssue(sorting.Key) is not null;
        // Sorted by anything but an issue, the page is known from the loaded totals; by an issue, SQL orders it.
        var known = byIssue ? null : RoundDashboard.Sort(data.Pack, scored, sorting, f => Scoring.Round(f.SelfTotal)).Skip(skip).Take(RoundDashboard.PageSize).ToList();
        string[] types = data.Filter.Type is { } t ? [t.ToString()] : [];

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var batch = connection.CreateBatch();
            batch.BatchCommands.Add(Command("""
                SELECT "Basis", "Part", "Code", "Score", sum("Count")::int FROM "DashboardScoreCounts"
                WHERE "RoundId" = $1 AND "OrganizationType" = ALL($2) AND "ParentId" = ALL($3)
                GROUP BY "Basis", "Part", "Code", "Score" HAVING sum("Count") <> 0
                """, data.Round.Id, types, ParentIdsOf(data).ToArray()));
            // The items' ticked counts per type (the most-missed lists per type), summed over the filter's parents.
            batch.BatchCommands.Add(Command("""
                SELECT "OrganizationType", "Position", sum("Count")::int FROM "DashboardTickCounts"
                WHERE "RoundId" = $1 AND "OrganizationType" = ALL($2) AND "ParentId" = ALL($3)
                GROUP BY "OrganizationType", "Position" HAVING sum("Count") <> 0
                """, data.Round.Id, types, ParentIdsOf(data).ToArray()));
            // The page's rows in order (n), each with every typed score; a row without scores still comes back once.
            batch.BatchCommands.Add(known is not null
                ? Command("""
                    SELECT p.n, p.id, s."Part", s."Position", s."Code", s."Score" FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n)
                    LEFT JOIN "AssessmentCardScores" s ON s."AssessmentId" = p.id
                    """, known.Select(f => f.AssessmentId).ToArray())
                // As RoundDashboard.Sort and HeatmapPageAsync: the shown (rounded) score, a missing one below any
                // score, ties by code in ordinal order (COLLATE "C").
                : Command($"""
                    WITH ranked AS (
                        SELECT x.id, row_number() OVER (ORDER BY round(k."Score", 2) {(sorting.Descending ? "DESC NULLS LAST" : "ASC NULLS FIRST")}, x.code COLLATE "C") AS n
                        FROM unnest($1::uuid[], $2::text[]) AS x(id, code)
                        LEFT JOIN "AssessmentCardScores" k ON k."AssessmentId" = x.id AND k."Part" = 2 AND k."Code" = $3),
                    page AS (SELECT id, n FROM ranked ORDER BY n OFFSET $4 LIMIT $5)
                    SELECT p.n, p.id, s."Part", s."Position", s."Code", s."Score" FROM page p
                    LEFT JOIN "AssessmentCardScores" s ON s."AssessmentId" = p.id
                    """, scored.Select(f => f.AssessmentId).ToArray(), scored.Select(f => f.Code).ToArray(), sorting.Key, (long)skip, (long)RoundDashboard.PageSize));

            await using var reader = await batch.ExecuteReaderAsync(ct);
            var counts = new List<CountRow>();
            while (await reader.ReadAsync(ct))
                counts.Add(new CountRow(reader.GetInt16(0), reader.GetInt16(1), reader.GetString(2), reader.GetDecimal(3), reader.GetInt32(4)));
            await reader.NextResultAsync(ct);
            var ticked = new Dictionary<OrganizationType, int[]>();
            var items = Domain.Dashboards.TickStrings.Items(data.Pack).Count;
            while (await reader.ReadAsync(ct))
            {
                var position = reader.GetInt32(1);
                if (position >= items) continue; // past the pack's items: no item
                var type = Enum.Parse<OrganizationType>(reader.GetString(0));
                if (!ticked.TryGetValue(type, out var ofType)) ticked[type] = ofType = new int[items];
                ofType[position] = reader.GetInt32(2);
            }
            await reader.NextResultAsync(ct);
            var order = new SortedDictionary<long, Guid>();
            var rows = new List<ScoreRow>();
            while (await reader.ReadAsync(ct))
            {
                order[reader.GetInt64(0)] = reader.GetGuid(1);
                if (!reader.IsDBNull(2)) rows.Add(new ScoreRow(reader.GetGuid(1), reader.GetInt16(2), reader.GetInt16(3), reader.GetString(4), reader.GetDecimal(5)));
            }

            var byId = scored.ToDictionary(f => f.AssessmentId);
            var page = known ?? [.. order.Values.Select(id => byId[id])];
            Apply(data.Pack, page, rows, part: null, text: false);
            return (page, FromCounts(counts), new TickedCounts(ticked));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static NpgsqlBatchCommand Command(string sql, params object[] values)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var value in values) command.Parameters.Add(new NpgsqlParameter { Value = value });
        return command;
    }
}
