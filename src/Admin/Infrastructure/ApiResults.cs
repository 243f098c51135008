using Microsoft.AspNetCore.Http.HttpResults;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Infrastructure;

/// <summary>The ProblemDetails answers the admin API gives, with Vietnamese titles office staff can read.</summary>
public static class ApiResults
{
    public static ValidationProblem Invalid(FieldErrors errors) =>
        TypedResults.ValidationProblem(errors.ToDictionary(), title: "Dữ liệu không hợp lệ");

    public static ValidationProblem Invalid(string field, string message) => Invalid(new FieldErrors().Add(field, message));

    public static ProblemHttpResult Conflict(string detail, string? field = null) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Xung đột dữ liệu", detail: detail,
            extensions: field is null ? null : new Dictionary<string, object?> { ["field"] = field });

    public static ProblemHttpResult StaleVersion() => Conflict(
        "Bản ghi đã bị người khác sửa trước đó (version không khớp). Hãy tải lại rồi sửa lại.", "version");

    public static ProblemHttpResult NotFound(string what) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Không tìm thấy", detail: what);
}
