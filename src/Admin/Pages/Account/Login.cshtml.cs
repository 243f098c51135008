using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using YouthMonth.Admin.Auth;
using YouthMonth.Admin.Web;

namespace YouthMonth.Admin.Pages.Account;

public sealed class LoginModel(OfficeAccounts accounts) : OfficePage
{
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }
    [BindProperty] public string? UserName { get; set; }
    [BindProperty] public string? Password { get; set; }

    public void OnGet() { }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var result = await accounts.SignInAsync(UserName, Password, ct);
        if (result.User is null)
        {
            Problem = result.Error;
            return Page();
        }
        await HttpContext.SignInAsync(AuthPolicies.CookieScheme, OfficeAccounts.Principal(result.User, AuthPolicies.CookieScheme));
        // Only local addresses: a crafted link must not send a freshly signed-in person to another site.
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/");
    }
}
