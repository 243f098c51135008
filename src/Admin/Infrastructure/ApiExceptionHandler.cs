using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using YouthMonth.Core.Plan;
using YouthMonth.Core.Text;

namespace YouthMonth.Admin.Infrastructure;

/// <summary>
/// Turns what clients can cause into ProblemDetails instead of a 500: unreadable or mistyped JSON and query values
/// (400, naming the field), oversize bodies (413), edits that raced another edit (409) and unique or foreign-key
/// violations (409, naming the field when the index tells it).
/// </summary>
public sealed partial class ApiExceptionHandler(ILogger<ApiExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        IResult? result = exception switch
        {
            BadHttpRequestException { InnerException: JsonException json } => JsonProblem(json),
            JsonException json => JsonProblem(json),
            BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge } => BodyLimits.TooLarge(null),
            BadHttpRequestException bad => BindingProblem(bad),
            DbUpdateConcurrencyException => ApiResults.StaleVersion(),
            DbUpdateException { InnerException: PostgresException pg } => DatabaseProblem(pg),
            PostgresException pg => DatabaseProblem(pg),
            // A lone surrogate that got past the JSON checks (a query value): Npgsql cannot encode it as UTF-8.
            EncoderFallbackException => ApiResults.Invalid("request", StorableText.Problem),
            _ => null,
        };
        if (result is null) return false;
        logger.LogInformation("Rejected {Method} {Path}: {Reason}", http.Request.Method, http.Request.Path, exception.Message);
        await result.ExecuteAsync(http);
        return true;
    }

    /// <summary>"$.campaign.periods[2].deadline" → "campaign.periods[2].deadline"; a missing required property is named too.</summary>
    public static ValidationProblem JsonProblem(JsonException json)
    {
        var path = json.Path is null or "$" ? "" : json.Path.TrimStart('$').TrimStart('.');
        var message = "Giá trị không đúng kiểu hoặc JSON không hợp lệ.";
        if (json is UnstorableTextException)
        {
            message = StorableText.Problem;
        }
        else if (MissingRequired().Match(json.Message) is { Success: true } missing)
        {
            path = FieldErrors.Join(path, missing.Groups["name"].Value);
            message = "Trường bắt buộc bị thiếu.";
        }
        else if (ConvertedTo().Match(json.Message) is { Success: true } target
                 && FieldType(target.Groups["type"].Value.TrimEnd('.'), json.Path) is { IsEnum: true } enumType)
        {
            message = $"Giá trị không hợp lệ; chỉ nhận một trong: {string.Join(", ", Enum.GetNames(enumType))} (dạng chuỗi).";
        }
        else if (json.Path is null)
        {
            message = "Nội dung gửi lên không phải JSON hợp lệ.";
        }
        return ApiResults.Invalid(path.Length == 0 ? "body" : path, message);
    }

    /// <summary>
    /// The type of the field the path points at. The exception names either that type or the object holding it
    /// (a record bound through its constructor), whose property named by the path's last segment is the field.
    /// </summary>
    private static Type? FieldType(string typeName, string? path)
    {
        var type = typeof(Campaign).Assembly.GetType(typeName) ?? typeof(ApiExceptionHandler).Assembly.GetType(typeName);
        if (type is null) return null;
        if (Unwrap(type).IsEnum) return Unwrap(type);
        var last = (path ?? "").Split('.').Last().Split('[')[0];
        var property = type.GetProperties().FirstOrDefault(p => p.Name.Equals(last, StringComparison.OrdinalIgnoreCase));
        return property is null ? null : Unwrap(property.PropertyType);
    }

    private static Type Unwrap(Type type)
    {
        if (Nullable.GetUnderlyingType(type) is { } inner) return inner;
        if (type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(System.Collections.IEnumerable).IsAssignableFrom(type))
            return Unwrap(element);
        return type;
    }

    private static IResult BindingProblem(BadHttpRequestException bad)
    {
        var name = ParameterName().Match(bad.Message) is { Success: true } m ? m.Groups["name"].Value : "request";
        var message = bad.Message.Contains("body was not provided", StringComparison.OrdinalIgnoreCase)
            ? "Thiếu nội dung JSON." : "Giá trị không hợp lệ.";
        return ApiResults.Invalid(name, message);
    }

    /// <summary>Also used by the office pages, so a form shows the same answer the API gives.</summary>
    public static IResult? DatabaseProblem(PostgresException pg) => pg.SqlState switch
    {
        PostgresErrorCodes.UniqueViolation => ApiResults.Conflict(
            $"Trùng với một bản ghi đã có ({FieldOf(pg.ConstraintName)}).", FieldOf(pg.ConstraintName)),
        PostgresErrorCodes.ForeignKeyViolation => ApiResults.Conflict(
            "Bản ghi đang được dùng ở nơi khác (ví dụ đã có báo cáo) hoặc tham chiếu tới bản ghi không tồn tại.", null),
        // The last line for U+0000 in text that the input checks missed (a query value): PostgreSQL refuses it.
        PostgresErrorCodes.CharacterNotInRepertoire or PostgresErrorCodes.UntranslatableCharacter =>
            ApiResults.Invalid(pg.ColumnName ?? "request", StorableText.Problem),
        PostgresErrorCodes.CheckViolation or PostgresErrorCodes.StringDataRightTruncation or PostgresErrorCodes.NotNullViolation =>
            ApiResults.Invalid(FieldOf(pg.ConstraintName ?? pg.ColumnName), "Giá trị không hợp lệ."),
        _ => null,
    };

    /// <summary>"ix_units_organisation_id_name" → "name": the last column of the index is the field people edit.</summary>
    private static string FieldOf(string? constraint) =>
        constraint is null ? "request" : constraint.Split('_').Last();

    [GeneratedRegex(@"missing required properties including: '(?<name>[^']+)'")]
    private static partial Regex MissingRequired();

    [GeneratedRegex(@"converted to (?:System\.Nullable`1\[\[?)?(?<type>[\w.]+)")]
    private static partial Regex ConvertedTo();

    [GeneratedRegex(@"parameter ""(?:[\w.<>?\[\]]+ )?(?<name>\w+)""")]
    private static partial Regex ParameterName();
}
