using System.Collections;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// JSON lets a client write <c>null</c> where a list holds objects or texts (<c>"indicators": [null]</c>); the body
/// binds, and a handler that reads every element as present answered 500 (found by the API fuzzer). This filter, on
/// every API endpoint that reads a body, looks through the bound body once for a null element in a list and answers
/// the usual 400 problem naming it (<c>indicators[0]</c>), so no handler has to remember the case. Reading the
/// body with a converter instead would lose System.Text.Json's error paths for every other mistake in a list.
/// </summary>
public static class NullElementFilter
{
    private const int MaxDepth = 8;

    public static TBuilder RefuseNullElements<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilterFactory((context, next) =>
        {
            var services = context.ApplicationServices.GetService<IServiceProviderIsService>();
            var body = Array.FindIndex(context.MethodInfo.GetParameters(), p => IsBody(p, services));
            if (body < 0) return next;
            return async invocation =>
            {
                var field = FirstNullElement(invocation.Arguments[body], "", 0);
                if (field is null) return await next(invocation);
                var message = Bilingual.T($"ช่อง {field} ต้องไม่เป็น null", $"The field {field} cannot be null.");
                return TypedResults.Problem(new ValidationProblemDetails(new Dictionary<string, string[]> { [field] = [message] })
                {
                    Status = StatusCodes.Status400BadRequest,
                    Title = Bilingual.T("อ่านเนื้อหาคำขอไม่ได้", "The request body could not be read"),
                    Detail = message,
                });
            };
        });

    /// <summary>The parameter a minimal API binds from the JSON body: one of our records or a list, not a service,
    /// not from the route, query, header, form or services.</summary>
    private static bool IsBody(ParameterInfo parameter, IServiceProviderIsService? services)
    {
        var type = parameter.ParameterType;
        if (parameter.GetCustomAttributes().Any(a => a is IFromRouteMetadata or IFromQueryMetadata or IFromHeaderMetadata or IFromServiceMetadata or IFromFormMetadata or AsParametersAttribute))
            return false;
        if (parameter.GetCustomAttributes().Any(a => a is IFromBodyMetadata)) return true;
        return type.IsClass && type != typeof(string) && type.Namespace?.StartsWith("Pmqa.", StringComparison.Ordinal) == true
            && services?.IsService(type) != true;
    }

    /// <summary>The path of the first null list element in <paramref name="value"/>, or null when there is none.</summary>
    private static string? FirstNullElement(object? value, string path, int depth)
    {
        if (value is null || depth > MaxDepth) return null;
        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is string or decimal or Guid or DateTime or DateTimeOffset or DateOnly or TimeOnly) return null;
        if (value is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
                if (FirstNullElement(entry.Value, $"{path}.{entry.Key}".TrimStart('.'), depth + 1) is { } inner) return inner;
            return null;
        }
        if (value is IEnumerable list)
        {
            var i = 0;
            foreach (var item in list)
            {
                if (item is null) return $"{path}[{i}]";
                if (FirstNullElement(item, $"{path}[{i}]", depth + 1) is { } inner) return inner;
                i++;
            }
            return null;
        }
        if (type.Namespace?.StartsWith("Pmqa.", StringComparison.Ordinal) != true) return null;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            var name = char.ToLowerInvariant(property.Name[0]) + property.Name[1..];
            if (FirstNullElement(property.GetValue(value), $"{path}.{name}".TrimStart('.'), depth + 1) is { } inner) return inner;
        }
        return null;
    }
}
