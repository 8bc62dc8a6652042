using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Pmqa.Domain.Frameworks;

/// <summary>The canonical JSON form of a pack: how it is stored and how the API returns it.
/// Kinds and directions are lower camel case ("process", "higher"); levels keep their names ("Basic").</summary>
public static class FrameworkPackJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter<MaturityLevel>(), new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(FrameworkPack pack) => JsonSerializer.Serialize(pack, Options);

    public static FrameworkPack Deserialize(string json) =>
        JsonSerializer.Deserialize<FrameworkPack>(json, Options) ?? throw new InvalidDataException("empty framework document");

    public static string Sha256(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}
