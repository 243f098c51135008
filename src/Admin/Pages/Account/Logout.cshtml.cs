using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using YouthMonth.Admin.Auth;

namespace YouthMonth.Admin.Pages.Account;

/// <summary>Sign-out is a POST (with the antiforgery token) so a link on another site cannot sign anyone out.</summary>
public sealed class LogoutModel : PageModel
{
    public IActionResult OnGet() => Redirect("/");

    public async Task<IActionResult> OnPostAsync()
    {
        await HttpContext.SignOutAsync(AuthPolicies.CookieScheme);
        return Redirect("/dang-nhap");
    }
}
