using Microsoft.AspNetCore.Html;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Admin.Auth;

namespace YouthMonth.Admin.Web;

/// <summary>
/// Base of the office pages. Pages call the admin API's own handlers (the same validation, the same queries)
/// and turn their typed results into what a form shows: errors beside fields, a conflict notice, a message.
/// </summary>
public abstract class OfficePage : PageModel
{
    public const string ConflictText = "Có người khác vừa sửa mục này. Hãy tải lại trang rồi sửa lại.";

    public Dictionary<string, string[]> FieldErrors { get; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>A problem that is not about one field (not found, conflict, …).</summary>
    public string? Problem { get; set; }
    public bool IsConflict { get; set; }
    [TempData] public string? Flash { get; set; }

    public bool CanEdit => User.IsInRole(AuthPolicies.Admin);

    /// <summary>The value of a successful result; otherwise records its errors and returns default.</summary>
    protected T? Take<T>(IResult result) where T : class
    {
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        switch (inner)
        {
            case ValidationProblem invalid:
                foreach (var (field, messages) in invalid.ProblemDetails.Errors) FieldErrors[field] = messages;
                return null;
            case ProblemHttpResult problem:
                IsConflict = problem.StatusCode == StatusCodes.Status409Conflict
                    && problem.ProblemDetails.Extensions.TryGetValue("field", out var f) && f as string == "version";
                var named = problem.ProblemDetails.Extensions.TryGetValue("field", out var fieldName) ? fieldName as string : null;
                Problem = IsConflict ? ConflictText : problem.ProblemDetails.Detail ?? problem.ProblemDetails.Title;
                if (named is not null && !IsConflict) FieldErrors[named] = [Problem ?? ""];
                return null;
            // After the problems: they carry a value too (their ProblemDetails), which Take<object> would accept.
            case IValueHttpResult<T> { Value: var value }:
                return value;
            default:
                return null;
        }
    }

    /// <summary>The items of a list handler's page (the pages ask for the largest page; plans are far smaller).</summary>
    protected IReadOnlyList<T> Items<T>(IResult result) => Take<YouthMonth.Admin.Infrastructure.Page<T>>(result)?.Items ?? [];

    /// <summary>
    /// Values the form binder could not read ("abc" in a number box) become errors beside their field, in
    /// Vietnamese, instead of silently reaching the handler as empty.
    /// </summary>
    protected bool TakeBindingErrors()
    {
        foreach (var (key, entry) in ModelState)
            if (entry.Errors.Count > 0)
                FieldErrors[key.Contains('.') ? key[(key.LastIndexOf('.') + 1)..] : key] =
                    [$"Giá trị \"{entry.AttemptedValue}\" không hợp lệ."];
        return FieldErrors.Count > 0;
    }

    /// <summary>A save that lost the race with another one (the row changed between our read and our write).</summary>
    protected void Conflicted()
    {
        IsConflict = true;
        Problem = ConflictText;
    }

    /// <summary>True when a result without a body (204) succeeded.</summary>
    protected bool Succeeded(IResult result)
    {
        var inner = result is INestedHttpResult nested ? nested.Result : result;
        if (inner is IStatusCodeHttpResult { StatusCode: >= 200 and < 300 }) return true;
        Take<object>(inner);
        return false;
    }

    /// <summary>
    /// Calls a saving handler; a save that lost a race, or a row the database refuses (a duplicate, one still in
    /// use), becomes the same notice the API would give instead of an error page.
    /// </summary>
    protected async Task<IResult?> SaveAsync(Func<Task<IResult>> save)
    {
        try
        {
            return await save();
        }
        catch (DbUpdateConcurrencyException)
        {
            Conflicted();
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException pg && ApiExceptionHandler.DatabaseProblem(pg) is { } problem)
        {
            Take<object>(problem);
        }
        return null;
    }

    /// <summary>A list field's errors ("metrics[2]") are shown beside the list ("metrics").</summary>
    private static bool Of(string key, string field) =>
        key.Equals(field, StringComparison.OrdinalIgnoreCase)
        || key.StartsWith(field + "[", StringComparison.OrdinalIgnoreCase);

    public bool HasError(string field) => FieldErrors.Keys.Any(k => Of(k, field));

    public IHtmlContent ErrorFor(string field)
    {
        var messages = FieldErrors.Where(e => Of(e.Key, field)).SelectMany(e => e.Value).ToList();
        return messages.Count > 0
            ? new HtmlString($"<span class=\"field-error\" data-field=\"{System.Net.WebUtility.HtmlEncode(field)}\">{System.Net.WebUtility.HtmlEncode(string.Join(" ", messages))}</span>")
            : HtmlString.Empty;
    }

    /// <summary>Errors whose field is not shown on the form (e.g. a nested path), listed at the top.</summary>
    public IEnumerable<string> OtherErrors(params string[] shown) =>
        FieldErrors.Where(e => !shown.Any(f => Of(e.Key, f))).SelectMany(e => e.Value.Select(m => e.Key.Length > 0 ? $"{e.Key}: {m}" : m));

    protected IActionResult RedirectWithFlash(string message, string page, object? routeValues = null, string? fragment = null)
    {
        Flash = message;
        return RedirectToPage(page, null, routeValues, fragment);
    }
}
