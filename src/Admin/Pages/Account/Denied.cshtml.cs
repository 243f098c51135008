using Microsoft.AspNetCore.Mvc.RazorPages;

namespace YouthMonth.Admin.Pages.Account;

public sealed class DeniedModel : PageModel
{
    public void OnGet() => Response.StatusCode = StatusCodes.Status403Forbidden;
}
