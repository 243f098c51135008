using System.Globalization;

namespace YouthMonth.Core;

/// <summary>
/// Time in the organisation's zone. Everything is stored in UTC and computed in local time (Asia/Ho_Chi_Minh,
/// UTC+7, no daylight saving); the clock always comes from an injected <see cref="TimeProvider"/>.
/// </summary>
public static class VietnamTime
{
    public const string DefaultTimeZoneId = "Asia/Ho_Chi_Minh";

    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("vi-VN");

    public static TimeZoneInfo Zone(string? id = null) =>
        TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultTimeZoneId : id);

    public static bool IsKnownZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id)) return false;
        try { TimeZoneInfo.FindSystemTimeZoneById(id); return true; }
        catch (TimeZoneNotFoundException) { return false; }
        catch (InvalidTimeZoneException) { return false; }
    }

    public static DateTime ToLocal(DateTimeOffset utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTime(utc, zone).DateTime;

    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(unspecified, zone), TimeSpan.Zero);
    }

    public static DateTimeOffset ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        ToUtc(date.ToDateTime(time), zone);

    public static DateOnly Today(TimeProvider clock, TimeZoneInfo zone) =>
        DateOnly.FromDateTime(ToLocal(clock.GetUtcNow(), zone));

    private static readonly string[] WeekdayNames =
        ["Chủ nhật", "thứ Hai", "thứ Ba", "thứ Tư", "thứ Năm", "thứ Sáu", "thứ Bảy"];

    /// <summary>"thứ Sáu", "Chủ nhật".</summary>
    public static string WeekdayName(DayOfWeek day) => WeekdayNames[(int)day];

    /// <summary>"11g00 thứ Sáu 08/3": how plans write a deadline.</summary>
    public static string FormatDeadline(DateTime local) =>
        $"{FormatTime(TimeOnly.FromDateTime(local))} {WeekdayName(local.DayOfWeek)} {local:dd}/{local.Month}";

    /// <summary>"11g00", "07g30".</summary>
    public static string FormatTime(TimeOnly time) => $"{time.Hour:00}g{time.Minute:00}";

    /// <summary>"08/3/2024".</summary>
    public static string FormatDate(DateOnly date) => $"{date.Day:00}/{date.Month}/{date.Year}";
}
