using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using YouthMonth.Admin.Auth;

namespace YouthMonth.Admin.Web;

/// <summary>The office web app: Razor Pages served by the Admin host next to the API, signed in with a cookie.</summary>
public static class WebExtensions
{
    public static void AddOfficeWeb(this IServiceCollection services)
    {
        services.AddRazorPages(o =>
        {
            o.Conventions.AuthorizeFolder("/", AuthPolicies.Viewer);
            o.Conventions.AllowAnonymousToPage("/Account/Login");
            o.Conventions.AllowAnonymousToPage("/Account/Denied");
            o.Conventions.ConfigureFilter(new WritesNeedAdminFilter());
        });
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "ym_af";
            o.FormFieldName = "__ym_af";
        });
    }

    public static void MapOfficeWeb(this IEndpointRouteBuilder app) => app.MapRazorPages();
}

/// <summary>
/// Every form post changes something, so only admins may post; a viewer who forges a post (or keeps an old
/// tab open after a role change) gets the "not allowed" page rather than a change. Signing out is the exception.
/// </summary>
public sealed class WritesNeedAdminFilter : IAsyncPageFilter
{
    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        var http = context.HttpContext;
        var page = context.ActionDescriptor.ViewEnginePath;
        if (HttpMethods.IsPost(http.Request.Method) && page is not ("/Account/Login" or "/Account/Logout")
            && !http.User.IsInRole(AuthPolicies.Admin))
        {
            context.Result = new ForbidResult();
            return;
        }
        await next();
    }
}
