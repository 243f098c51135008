using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using YouthMonth.WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace YouthMonth.WebApp.Tests;

[Collection(WebAppCollection.Name)]
public sealed class SignInTests(OfficeApp app)
{
    [Fact]
    public async Task Signing_in_shows_the_dashboard_of_the_current_period_and_signing_out_leaves()
    {
        var page = await app.PageAsync();
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));

        await OfficeApp.SignInAsync(page, OfficeApp.AdminUser, OfficeApp.Password);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
        await Expect(page.Locator("main h2").First).ToContainTextAsync("Tuần 1");
        await Expect(page.GetByTestId("received")).ToHaveTextAsync("0/4");
        await Expect(page.Locator("header .who")).ToContainTextAsync("Nguyễn Thu Hà");
        await OfficeApp.ScreenshotAsync(page, "tong-quan");

        await page.ClickAsync("text=Đăng xuất");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        await page.GotoAsync("/ke-hoach");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/dang-nhap"));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_wrong_password_is_refused_and_five_in_a_row_lock_the_account_for_15_minutes()
    {
        await using (var scope = app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<YouthMonth.Admin.Auth.OfficeAccounts>()
                .CreateAsync("khoa.thu", null, YouthMonth.Core.Access.ApiRole.Viewer, OfficeApp.Password);
        var page = await app.PageAsync();
        await OfficeApp.SignInAsync(page, "khoa.thu", "sai-mat-khau");
        await Expect(page.Locator(".problem")).ToHaveTextAsync("Sai tên đăng nhập hoặc mật khẩu.");
        for (var i = 2; i <= 5; i++) await OfficeApp.SignInAsync(page, "khoa.thu", "sai-mat-khau");
        await Expect(page.Locator(".problem")).ToContainTextAsync("Tài khoản tạm khóa");

        // Locked: even the right password is refused until the 15 minutes have passed.
        await OfficeApp.SignInAsync(page, "khoa.thu", OfficeApp.Password);
        await Expect(page.Locator(".problem")).ToContainTextAsync("Tài khoản tạm khóa");
        app.Clock.Advance(TimeSpan.FromMinutes(16));
        await OfficeApp.SignInAsync(page, "khoa.thu", OfficeApp.Password);
        await Expect(page.Locator("h1")).ToHaveTextAsync("Tổng quan");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task The_api_keeps_answering_401_to_a_browser_cookie_and_200_to_a_key()
    {
        var page = await app.SignedInAsync();
        var response = await page.APIRequest.GetAsync("/api/campaigns");
        Assert.Equal(401, response.Status);
        using var api = await app.ApiAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await api.GetAsync("/api/campaigns")).StatusCode);
        await page.Context.CloseAsync();
    }
}
