using System.Globalization;
using YamlDotNet.RepresentationModel;

namespace Pmqa.Domain.Frameworks;

/// <summary>
/// Reads fields of one YAML mapping and records every problem with its line, column and path,
/// so that an administrator importing a framework learns exactly where each mistake is.
/// </summary>
internal sealed class YamlCursor(YamlNode node, string path, List<PackError> errors)
{
    public string Path => path;

    private YamlMappingNode? Mapping => node as YamlMappingNode;

    public void Error(string th, string en) => Error(node, path, th, en);

    public void Error(YamlNode at, string atPath, string th, string en) =>
        errors.Add(new PackError((int)at.Start.Line, (int)at.Start.Column, atPath, th, en));

    public bool IsMapping()
    {
        if (Mapping is not null) return true;
        Error("ต้องเป็นชุดข้อมูลแบบคีย์-ค่า", "must be a mapping of keys to values");
        return false;
    }

    private YamlNode? Child(string key) =>
        Mapping is { } map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public string Text(string key, bool required = true)
    {
        var child = Child(key);
        if (child is YamlScalarNode { Value: { } value } && !string.IsNullOrWhiteSpace(value)) return value.Trim();
        if (child is not null and not YamlScalarNode)
            Error(child, $"{path}.{key}", "ต้องเป็นข้อความ", "must be text");
        else if (required)
            Error(child ?? node, $"{path}.{key}", "ต้องระบุและต้องไม่ว่าง", "is required and must not be empty");
        return "";
    }

    public decimal Number(string key, decimal? fallback = null)
    {
        var child = Child(key);
        if (child is null && fallback is { } value) return value;
        if (child is YamlScalarNode { Value: { } text } &&
            decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var number))
            return number;
        Error(child ?? node, $"{path}.{key}", "ต้องเป็นตัวเลข", "must be a number");
        return 0;
    }

    public TEnum Enum<TEnum>(string key, params TEnum[] allowed) where TEnum : struct, Enum
    {
        var text = Text(key);
        if (text.Length == 0) return default;
        foreach (var value in allowed)
            if (string.Equals(value.ToString(), text, StringComparison.OrdinalIgnoreCase)) return value;
        var names = string.Join(", ", allowed.Select(a => JsonName(a.ToString())));
        Error(Child(key)!, $"{path}.{key}", $"ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้: {names}", $"must be one of: {names}");
        return default;
    }

    public IReadOnlyList<string> Strings(string key)
    {
        var child = Child(key);
        if (child is null) return [];
        if (child is YamlSequenceNode seq && seq.Children.All(c => c is YamlScalarNode))
            return seq.Children.Cast<YamlScalarNode>().Select(s => s.Value?.Trim() ?? "").ToList();
        Error(child, $"{path}.{key}", "ต้องเป็นรายการข้อความ", "must be a list of text values");
        return [];
    }

    public IReadOnlyList<T> List<T>(string key, Func<YamlCursor, int, T> read, bool required = true)
    {
        var child = Child(key);
        if (child is null)
        {
            if (required) Error(node, $"{path}.{key}", "ต้องมีอย่างน้อยหนึ่งรายการ", "needs at least one entry");
            return [];
        }
        if (child is not YamlSequenceNode seq)
        {
            Error(child, $"{path}.{key}", "ต้องเป็นรายการ", "must be a list");
            return [];
        }
        var result = new List<T>();
        for (var i = 0; i < seq.Children.Count; i++)
        {
            var item = new YamlCursor(seq.Children[i], $"{path}.{key}[{i}]", errors);
            if (item.IsMapping()) result.Add(read(item, i));
        }
        return result;
    }

    public bool Has(string key) => Child(key) is not null;

    public YamlCursor Nested(string key) => new(Child(key) ?? node, $"{path}.{key}", errors);

    private static string JsonName(string name) => char.ToLowerInvariant(name[0]) + name[1..];
}
