namespace Pmqa.Web.Infrastructure.Web;

/// <summary>Validation failures keyed by the field they concern (the API's camelCase field name).</summary>
public sealed class ValidationErrors
{
    private readonly List<(string Field, Msg Message)> _errors = [];

    public bool Any => _errors.Count > 0;

    public IReadOnlyList<(string Field, Msg Message)> All => _errors;

    public ValidationErrors Add(string field, string th, string en)
    {
        _errors.Add((field, new Msg(th, en)));
        return this;
    }

    public Dictionary<string, string[]> ToDictionary() => _errors
        .GroupBy(e => e.Field)
        .ToDictionary(g => g.Key, g => g.Select(e => e.Message.ToString()).ToArray());
}

/// <summary>What a handler returns: a value, or why there is none. Pages and API endpoints translate it
/// into ModelState or RFC 9457 problem details.</summary>
public abstract record Outcome<T>
{
    public sealed record Ok(T Value) : Outcome<T>;
    public sealed record Invalid(ValidationErrors Errors) : Outcome<T>;
    public sealed record NotFound : Outcome<T>;
    /// <summary>The change would overwrite someone else's newer change or break a rule about state.</summary>
    public sealed record Conflict(Msg Message) : Outcome<T>;
    /// <summary>The caller may see the thing but their role may not do this to it.</summary>
    public sealed record Forbidden(Msg Message) : Outcome<T>;

    public static implicit operator Outcome<T>(T value) => new Ok(value);

    /// <summary>The value mapped, or the same failure carried over to the other outcome type.</summary>
    public Outcome<TOut> Map<TOut>(Func<T, TOut> map) => this switch
    {
        Ok o => new Outcome<TOut>.Ok(map(o.Value)),
        Invalid i => new Outcome<TOut>.Invalid(i.Errors),
        Conflict c => new Outcome<TOut>.Conflict(c.Message),
        Forbidden f => new Outcome<TOut>.Forbidden(f.Message),
        _ => new Outcome<TOut>.NotFound(),
    };

    /// <summary>The same failure as another outcome type, for handing a failure on; a success has none to hand on.</summary>
    public Outcome<TOut> As<TOut>() => this is Ok
        ? throw new InvalidOperationException("A successful outcome has no failure to hand on.")
        : Map<TOut>(_ => default!);
    public static implicit operator Outcome<T>(ValidationErrors errors) => new Invalid(errors);
}
