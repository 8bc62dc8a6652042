using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Th;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Pmqa.Web.Features.Practices;

/// <summary>One approved example as the index holds it: its id, issue and searchable text.</summary>
public sealed record IndexedPractice(Guid Id, string IssueCode, string Text);

/// <summary>A piece of a snippet; <see cref="Hit"/> pieces are the words the search matched.</summary>
public sealed record SnippetPart(string Text, bool Hit);

/// <summary>
/// Thai full-text search over the approved examples (ADR 0022). Thai is written without spaces between words, so
/// the text is cut into words by Lucene's <see cref="ThaiAnalyzer"/> (ICU's dictionary word breaking), which also
/// splits and lower-cases English words. The index lives in memory and is rebuilt from the database whenever the
/// approved set changes (a few thousand examples at most): <see cref="PracticeQueries"/> passes a stamp of that set
/// with every search, so every instance behind the proxy sees an approval at its next search.
/// </summary>
public sealed class PracticeSearch : IDisposable
{
    private const LuceneVersion Lucene = LuceneVersion.LUCENE_48;
    private readonly Analyzer _analyzer = new ThaiAnalyzer(Lucene);
    private readonly SemaphoreSlim _rebuild = new(1, 1);
    private (string Stamp, IndexSearcher Searcher, DirectoryReader Reader)? _current;

    public bool IsCurrent(string stamp) => _current?.Stamp == stamp;

    /// <summary>Builds a fresh index unless one with this stamp exists; searches already running keep the old one.</summary>
    public async Task EnsureAsync(string stamp, Func<Task<IReadOnlyList<IndexedPractice>>> load)
    {
        if (IsCurrent(stamp)) return;
        await _rebuild.WaitAsync();
        try
        {
            if (IsCurrent(stamp)) return;
            var rows = await load();
            var directory = new RAMDirectory();
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(Lucene, _analyzer)))
            {
                foreach (var row in rows)
                    writer.AddDocument(new Document
                    {
                        new StringField("id", row.Id.ToString(), Field.Store.YES),
                        new StringField("issue", row.IssueCode, Field.Store.NO),
                        new TextField("text", row.Text, Field.Store.NO),
                    });
                writer.Commit();
            }
            var reader = DirectoryReader.Open(directory);
            _current = (stamp, new IndexSearcher(reader), reader);
            // The previous reader is left to the collector: a search may still be reading it.
        }
        finally
        {
            _rebuild.Release();
        }
    }

    /// <summary>The words of <paramref name="text"/> as the index cuts them (lower case, Thai stop words left out).</summary>
    public IReadOnlyList<string> Words(string text)
    {
        var words = new List<string>();
        using var stream = _analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken()) words.Add(term.ToString());
        stream.End();
        return words;
    }

    /// <summary>Ids of examples holding every word of <paramref name="query"/> (all examples when it has none), best first.</summary>
    public IReadOnlyList<Guid> Search(string? query, string? issueCode, int max = 200)
    {
        if (_current is not { Searcher: var searcher }) return [];
        var all = new BooleanQuery();
        var words = string.IsNullOrWhiteSpace(query) ? [] : Words(query);
        if (!string.IsNullOrWhiteSpace(query) && words.Count == 0) return []; // only stop words or punctuation
        foreach (var word in words.Distinct()) all.Add(new TermQuery(new Term("text", word)), Occur.MUST);
        if (!string.IsNullOrWhiteSpace(issueCode)) all.Add(new TermQuery(new Term("issue", issueCode)), Occur.MUST);
        if (all.Clauses.Count == 0) all.Add(new MatchAllDocsQuery(), Occur.MUST);
        return [.. searcher.Search(all, max).ScoreDocs.Select(d => Guid.Parse(searcher.Doc(d.Doc).Get("id")))];
    }

    /// <summary>A passage of <paramref name="text"/> around the first matched word, matched words marked; the
    /// beginning of the text when nothing matches (or nothing was asked).</summary>
    public IReadOnlyList<SnippetPart> Snippet(string text, IReadOnlyCollection<string> words, int width = 220)
    {
        var hits = new List<(int Start, int End)>();
        if (words.Count > 0)
        {
            using var stream = _analyzer.GetTokenStream("text", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
                if (words.Contains(term.ToString())) hits.Add((offset.StartOffset, offset.EndOffset));
            stream.End();
        }
        var from = hits.Count == 0 ? 0 : Math.Max(0, hits[0].Start - width / 3);
        var to = Math.Min(text.Length, from + width);
        var parts = new List<SnippetPart>();
        if (from > 0) parts.Add(new("…", false));
        var at = from;
        foreach (var (start, end) in hits.Where(h => h.Start >= from && h.End <= to))
        {
            if (start > at) parts.Add(new(text[at..start], false));
            parts.Add(new(text[start..end], true));
            at = end;
        }
        if (to > at) parts.Add(new(text[at..to], false));
        if (to < text.Length) parts.Add(new("…", false));
        return parts;
    }

    public void Dispose()
    {
        _current?.Reader.Dispose();
        _analyzer.Dispose();
        _rebuild.Dispose();
    }
}
