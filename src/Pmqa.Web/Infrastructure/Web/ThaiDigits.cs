using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Binders;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>
/// Thai digits (๐–๙) are ordinary digits to a Thai typist: number fields accept them and read them as 0–9.
/// Only number fields: a text that happens to contain Thai digits (an explanation, a name) keeps them.
/// </summary>
public static class ThaiDigits
{
    /// <summary>The text with each Thai digit replaced by the same Arabic digit (same length, so positions hold).</summary>
    public static string? ToArabic(string? text)
    {
        if (text is null || !text.Any(IsThaiDigit)) return text;
        return string.Create(text.Length, text, (span, source) =>
        {
            for (var i = 0; i < source.Length; i++) span[i] = IsThaiDigit(source[i]) ? (char)('0' + (source[i] - '\u0E50')) : source[i];
        });
    }

    private static bool IsThaiDigit(char c) => c is >= '\u0E50' and <= '\u0E59';

    private static readonly HashSet<Type> NumberTypes =
        [typeof(int), typeof(long), typeof(short), typeof(decimal), typeof(double), typeof(float)];

    /// <summary>Registers the binder for every number a page binds (<c>int</c>, <c>decimal</c>, … and their nullables).</summary>
    public static void AcceptThaiDigits(this MvcOptions options) => options.ModelBinderProviders.Insert(0, new BinderProvider());

    private sealed class BinderProvider : IModelBinderProvider
    {
        public IModelBinder? GetBinder(ModelBinderProviderContext context)
        {
            var type = Nullable.GetUnderlyingType(context.Metadata.ModelType) ?? context.Metadata.ModelType;
            if (!NumberTypes.Contains(type)) return null;
            var loggers = context.Services.GetRequiredService<ILoggerFactory>();
            return new Binder(new SimpleTypeModelBinder(context.Metadata.ModelType, loggers));
        }
    }

    /// <summary>Binds as usual, from values whose Thai digits have become Arabic ones.</summary>
    private sealed class Binder(IModelBinder inner) : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext context)
        {
            context.ValueProvider = new ArabicDigitsValueProvider(context.ValueProvider);
            return inner.BindModelAsync(context);
        }
    }

    private sealed class ArabicDigitsValueProvider(IValueProvider inner) : IValueProvider
    {
        public bool ContainsPrefix(string prefix) => inner.ContainsPrefix(prefix);

        public ValueProviderResult GetValue(string key)
        {
            var result = inner.GetValue(key);
            if (result == ValueProviderResult.None) return result;
            return new ValueProviderResult(new Microsoft.Extensions.Primitives.StringValues(result.Values.Select(ToArabic).ToArray()), result.Culture);
        }
    }
}
