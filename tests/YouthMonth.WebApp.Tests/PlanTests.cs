using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Access;
using YouthMonth.WebApp.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace YouthMonth.WebApp.Tests;

[Collection(WebAppCollection.Name)]
public sealed class PlanTests(OfficeApp app)
{
    [Fact]
    public async Task Moving_a_period_deadline_shows_in_the_api_and_a_deadline_outside_the_campaign_is_refused_beside_the_field()
    {
        var page = await app.SignedInAsync();
        await page.ClickAsync("nav >> text=Kế hoạch");
        await Expect(page.Locator("#periods")).ToContainTextAsync("Lễ ra quân");
        await OfficeApp.ScreenshotAsync(page, "ke-hoach");
        await page.ClickAsync($"#periods tr[data-period='{app.Plan.KickOffId}'] a");

        await page.FillAsync("#deadline", "2025-01-02T09:00");
        await page.ClickAsync("#period-form button[type=submit]");
        await Expect(page.Locator(".field-error[data-field=deadline]")).ToContainTextAsync("nằm ngoài thời gian đợt");
        await Expect(page.Locator("#deadline")).ToHaveClassAsync("invalid");

        // Issue 11: whether the period requires photos is on its form (the test plan's kick-off does).
        await Expect(page.Locator("#photosRequired")).ToBeCheckedAsync();
        await page.UncheckAsync("#photosRequired");
        await page.FillAsync("#deadline", "2024-03-03T17:30");
        await page.ClickAsync("#period-form button[type=submit]");
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu kỳ \"Lễ ra quân\"");
        await Expect(page.Locator($"#periods tr[data-period='{app.Plan.KickOffId}'] .deadline")).ToContainTextAsync("17g30");

        using var api = await app.ApiAsync();
        var period = await api.GetFromJsonAsync<JsonElement>($"/api/periods/{app.Plan.KickOffId}");
        Assert.Equal("2024-03-03T17:30:00", period.GetProperty("deadline").GetString());
        Assert.False(period.GetProperty("photosRequired").GetBoolean());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task Saving_over_someone_elses_change_says_to_reload()
    {
        var page = await app.SignedInAsync();
        await page.GotoAsync($"/ke-hoach/dot/{app.Plan.CampaignId}");
        await page.FillAsync("#theme", "Chủ đề sửa trên web");

        // Meanwhile someone else saves the campaign through the API.
        using var api = await app.ApiAsync(ApiRole.Admin);
        var current = await api.GetFromJsonAsync<JsonElement>($"/api/campaigns/{app.Plan.CampaignId}");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetRawText())!;
        body["theme"] = "Chủ đề sửa qua API";
        (await api.PutAsJsonAsync($"/api/campaigns/{app.Plan.CampaignId}", body)).EnsureSuccessStatusCode();

        await page.ClickAsync("#campaign-form button[type=submit]");
        await Expect(page.Locator("#problem")).ToContainTextAsync(OfficePage.ConflictText);
        await page.ClickAsync("#problem a");
        await Expect(page.Locator("#theme")).ToHaveValueAsync("Chủ đề sửa qua API");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_units_csv_with_mistakes_is_refused_with_its_errors_by_line()
    {
        var page = await app.SignedInAsync();
        await page.GotoAsync("/ke-hoach");
        var csv = "unit,kind,cluster,members,contact,phone,role\nChi đoàn Mới,ChiDoan,Cụm 1,abc,Lê Mới,0900000999,Bí thư\n,ChiDoan,,,,,\n";
        await page.SetInputFilesAsync("#file", new Microsoft.Playwright.FilePayload
        {
            Name = "don-vi.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(csv),
        });
        await page.ClickAsync("#import-csv button[type=submit]");
        var errors = page.Locator("#csv-errors");
        await Expect(errors).ToContainTextAsync("Dòng 2: số đoàn viên \"abc\"");
        await Expect(errors).ToContainTextAsync("Dòng 3: thiếu tên đơn vị");
        await Expect(page.Locator("#units")).Not.ToContainTextAsync("Chi đoàn Mới");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task A_contacts_new_phone_is_saved_and_a_contact_without_a_name_is_refused_beside_the_field()
    {
        var page = await app.SignedInAsync();
        await page.GotoAsync($"/ke-hoach?campaignId={app.Plan.CampaignId}");
        await page.ClickAsync($"#units a[href^='/ke-hoach/don-vi/{app.Plan.Units[3]}']");
        var contact = app.Plan.Contacts[3][0];
        var form = page.Locator($"form.contact-form[data-contact='{contact}']");
        await Expect(form).ToBeVisibleAsync();
        await OfficeApp.ScreenshotAsync(page, "don-vi");
        await form.Locator("input[name=phone]").FillAsync("0911 222 333");
        await form.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator(".flash")).ToContainTextAsync("Đã lưu người liên hệ");

        using var api = await app.ApiAsync();
        var saved = await api.GetFromJsonAsync<JsonElement>($"/api/contacts/{contact}");
        Assert.Equal("0911 222 333", saved.GetProperty("phone").GetString());

        var add = page.Locator("form.contact-form[data-contact='0']");
        await add.Locator("input[name=phone]").FillAsync("0911 000 444");
        await add.Locator("button[type=submit]").ClickAsync();
        await Expect(page.Locator("form.contact-form[data-contact='0'] .field-error[data-field=name]")).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
