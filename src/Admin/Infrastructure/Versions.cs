using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using YouthMonth.Core.Persistence;

namespace YouthMonth.Admin.Infrastructure;

/// <summary>A response carrying the row version (PostgreSQL xmin) a client sends back when it updates.</summary>
public interface IVersioned
{
    uint Version { get; }
}

/// <summary>
/// Optimistic concurrency: an update names the version it was based on (<c>version</c> in the body or an
/// <c>If-Match</c> header with the ETag); a different current version means someone else saved first → 409.
/// </summary>
public static class Versions
{
    public static string ETag(uint version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    /// <summary>The version the client based its edit on, or a 400 naming "version" when it sent none.</summary>
    public static (uint? Version, ValidationProblem? Problem) Requested(HttpContext http, uint? fromBody)
    {
        if (fromBody is { } v) return (v, null);
        var ifMatch = http.Request.Headers.IfMatch.FirstOrDefault()?.Trim();
        if (ifMatch is not null)
        {
            var raw = ifMatch.StartsWith("W/", StringComparison.Ordinal) ? ifMatch[2..] : ifMatch;
            if (uint.TryParse(raw.Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return (parsed, null);
        }
        return (null, ApiResults.Invalid("version",
            "Cần version của bản ghi (lấy từ lần đọc gần nhất) trong trường \"version\" hoặc header If-Match."));
    }

    /// <summary>Makes SaveChanges check the row still has the version the client read.</summary>
    public static void Expect<T>(this YouthMonthDb db, T entity, uint version) where T : class =>
        db.Entry(entity).Property<uint>("Version").OriginalValue = version;

    /// <summary>Sets the ETag header on responses that carry a version.</summary>
    public static RouteGroupBuilder WithETags(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(async (context, next) =>
        {
            var result = await next(context);
            var inner = result is INestedHttpResult nested ? nested.Result : result;
            if (inner is IValueHttpResult { Value: IVersioned versioned } && !context.HttpContext.Response.HasStarted)
                context.HttpContext.Response.Headers.ETag = ETag(versioned.Version);
            return result;
        });
        return group;
    }
}
