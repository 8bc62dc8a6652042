using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CsCheck;

namespace Pmqa.Web.Tests.Security.Fuzzing;

/// <summary>
/// Request bodies a careless or hostile client sends: a fixed corpus every operation receives (broken syntax, depth
/// far past the reader's limit, extreme numbers, the wrong JSON kind at the top) and generators that follow the
/// operation's OpenAPI schema loosely, so most properties have the right name and some the right type (the inputs
/// that reach validation and the handler) while the values are edge cases: Thai, control characters, markup,
/// formulas, huge and negative numbers, impossible dates, unknown enum names, nulls and nesting where a scalar belongs.
/// </summary>
public static class JsonBodies
{
    public static IReadOnlyList<(string Name, string Body)> Corpus { get; } =
    [
        ("empty", ""),
        ("whitespace", "  \n\t "),
        ("unclosed object", "{"),
        ("unclosed string", "{\"a\": \"ไม่ปิด"),
        ("trailing comma", "{\"a\": 1,}"),
        ("null", "null"),
        ("array at the top", "[]"),
        ("string at the top", "\"สวัสดี\""),
        ("number past double", "1e400"),
        ("deep arrays", new string('[', 100_000) + new string(']', 100_000)),
        ("deep objects", string.Concat(Enumerable.Repeat("{\"a\":", 20_000)) + "1" + new string('}', 20_000)),
        ("duplicate keys", "{\"id\": 1, \"id\": \"x\"}"),
        ("NUL and BOM", "\uFEFF{\"name\": \"a\\u0000b\"}"),
        ("lone surrogate escape", "{\"name\": \"\\uD800\"}"),
        ("comment", "{/* x */ \"a\": 1}"),
        ("1 MB string", "{\"name\": \"" + new string('ก', 1_000_000) + "\"}"),
    ];

    /// <summary>Invalid UTF-8 cannot be a .NET string; it is sent as bytes.</summary>
    public static byte[] InvalidUtf8 { get; } = [(byte)'{', (byte)'"', (byte)'a', (byte)'"', (byte)':', (byte)'"', 0xC3, 0x28, 0xFF, (byte)'"', (byte)'}'];

    private static readonly Gen<string> Texts = Gen.OneOf(
        Gen.OneOfConst("", " ", "ก", "การประเมินสถานะ", "<script>alert(1)</script>", "=cmd|' /C calc'!A0", "../../etc/passwd",
            "\u0000", "\u202E", "👍🏽", "null", "2570", "-1", "ๆๆๆ", "\r\n", "'; DROP TABLE \"Organizations\"; --"),
        Gen.Char['\u0E01', '\u0E5B'].Array[0, 40].Select(c => new string(c)),
        Gen.String[0, 40],
        Gen.Int[1, 5].Select(n => new string('x', n * 10_000)));

    private static readonly Gen<JsonNode?> Numbers = Gen.OneOf(
        Gen.OneOfConst<JsonNode?>(0, -1, int.MaxValue, int.MinValue, long.MaxValue, 2570, 2_147_483_648L, 0.5, -0.0, 1e300, decimal.MaxValue),
        Gen.Int.Select(i => (JsonNode?)i),
        Gen.Double.Where(double.IsFinite).Select(d => (JsonNode?)d));

    private static readonly Gen<JsonNode?> Dates = Gen.OneOfConst<JsonNode?>(
        "2026-02-30", "9999-12-31T23:59:59+14:00", "0001-01-01", "2569-10-01", "yesterday", "2026-13-01T00:00:00Z", "2026-10-01T07:00:00+07:00");

    private static readonly Gen<JsonNode?> Ids = Gen.OneOf(
        Gen.Guid.Select(g => (JsonNode?)g.ToString()),
        Gen.OneOfConst<JsonNode?>("00000000-0000-0000-0000-000000000000", "not-a-guid", 12345));

    /// <summary>Any JSON value, nesting at most <paramref name="depth"/> levels.</summary>
    public static Gen<JsonNode?> Any(int depth) => depth <= 0
        ? Gen.OneOf(Gen.Const((JsonNode?)null), Gen.Bool.Select(b => (JsonNode?)b), Numbers, Texts.Select(s => (JsonNode?)s))
        : Gen.OneOf(
            Any(0),
            Any(depth - 1).Array[0, 4].Select(items => (JsonNode?)new JsonArray(items.Select(Clone).ToArray())),
            Gen.Select(Texts.Array[0, 3], Any(depth - 1).Array[3], (keys, values) =>
            {
                var o = new JsonObject();
                for (var i = 0; i < keys.Length; i++) o[keys[i]] = Clone(values[i]);
                return (JsonNode?)o;
            }));

    /// <summary>A body shaped by the operation's schema: each property present or not, right-typed or anything.</summary>
    public static Gen<string> ForSchema(JsonElement schema, JsonElement components) =>
        Value(schema, components, depth: 3).Select(node => node?.ToJsonString() ?? "null");

    private static Gen<JsonNode?> Value(JsonElement schema, JsonElement components, int depth)
    {
        schema = Resolve(schema, components);
        if (depth < 0) return Any(0);
        var wellTyped = Typed(schema, components, depth);
        // Mostly the declared type, so that validation and the handler are reached; sometimes anything at all.
        return Gen.Frequency((4, wellTyped), (1, Any(1)));
    }

    private static Gen<JsonNode?> Typed(JsonElement schema, JsonElement components, int depth)
    {
        if (schema.TryGetProperty("enum", out var values) && values.GetArrayLength() > 0)
        {
            var names = values.EnumerateArray().Select(v => JsonNode.Parse(v.GetRawText())).ToArray();
            return Gen.OneOf(Gen.Int[0, names.Length - 1].Select(i => Clone(names[i])), Gen.Const<JsonNode?>("notAValue"));
        }
        if (schema.TryGetProperty("properties", out var properties))
        {
            var fields = properties.EnumerateObject().Select(p =>
            {
                var name = p.Name;
                return Gen.Frequency(
                    (3, Value(p.Value, components, depth - 1).Select(v => (Name: name, Value: v, Present: true))),
                    (1, Gen.Const<(string Name, JsonNode? Value, bool Present)>((name, null, false))));
            });
            return Sequence(fields).Select(pairs =>
            {
                var o = new JsonObject();
                foreach (var (name, value, present) in pairs) if (present) o[name] = Clone(value);
                return (JsonNode?)o;
            });
        }
        var type = TypeOf(schema);
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        return type switch
        {
            "array" when schema.TryGetProperty("items", out var items) => Value(items, components, depth - 1).Array[0, 5]
                .Select(xs => (JsonNode?)new JsonArray(xs.Select(Clone).ToArray())),
            "integer" or "number" => Numbers,
            "boolean" => Gen.Bool.Select(b => (JsonNode?)b),
            "string" when format is "uuid" => Ids,
            "string" when format is "date-time" or "date" => Dates,
            "string" => Texts.Select(s => (JsonNode?)s),
            _ => Any(1),
        };
    }

    private static Gen<List<T>> Sequence<T>(IEnumerable<Gen<T>> gens) =>
        gens.Aggregate(Gen.Const(new List<T>()), (acc, g) => acc.SelectMany(list => g.Select(x => new List<T>(list) { x })));

    private static string? TypeOf(JsonElement schema)
    {
        if (!schema.TryGetProperty("type", out var type)) return null;
        if (type.ValueKind == JsonValueKind.String) return type.GetString();
        // OpenAPI 3.1 writes a nullable type as ["string", "null"].
        return type.EnumerateArray().Select(t => t.GetString()).FirstOrDefault(t => t != "null");
    }

    private static JsonElement Resolve(JsonElement schema, JsonElement components)
    {
        for (var hops = 0; hops < 10 && schema.TryGetProperty("$ref", out var reference); hops++)
            schema = components.GetProperty("schemas").GetProperty(reference.GetString()!.Split('/')[^1]);
        return schema;
    }

    /// <summary>A node can have only one parent: generated values are copied before they are attached.</summary>
    private static JsonNode? Clone(JsonNode? node) => node?.DeepClone();

    public static string Shorten(string body) => body.Length <= 300 ? body : body[..300] + $"… ({Encoding.UTF8.GetByteCount(body)} bytes)";
}
