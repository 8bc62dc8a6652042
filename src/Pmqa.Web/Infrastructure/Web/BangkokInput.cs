using System.Globalization;
using Pmqa.Domain.Time;

namespace Pmqa.Web.Infrastructure.Web;

/// <summary>Date-time fields on forms are typed in Bangkok time (<c>datetime-local</c> carries no zone).</summary>
public static class BangkokInput
{
    public static DateTimeOffset? Parse(string? value) =>
        DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), ThaiTime.Bangkok.GetUtcOffset(local)).ToUniversalTime()
            : null;

    public static string Format(DateTimeOffset? instant) =>
        instant is { } i ? ThaiTime.ToBangkok(i).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture) : "";
}
