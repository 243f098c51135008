using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Tests.Infrastructure;

namespace YouthMonth.Admin.Tests;

public sealed class CsvImportTests(AdminApp app) : IClassFixture<AdminApp>, IAsyncLifetime
{
    public Task InitializeAsync() => app.ResetAsync();
    public Task DisposeAsync() => Task.CompletedTask;

    private static HttpContent Csv(string text, bool bom) =>
        new ByteArrayContent([.. (bom ? Encoding.UTF8.GetPreamble() : []), .. Encoding.UTF8.GetBytes(text)])
        { Headers = { ContentType = new("text/csv") } };

    [Theory]
    [InlineData(true, NormalizationForm.FormC)]
    [InlineData(false, NormalizationForm.FormD)]
    public async Task Units_and_contacts_with_Vietnamese_names_are_imported_and_stored_in_NFC(bool bom, NormalizationForm form)
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var csv = """
            unit,kind,cluster,members,contact,phone,role
            Đoàn cơ sở Bệnh viện Ung bướu,Đoàn cơ sở,Cụm Y tế,120,Nguyễn Văn Mẫu,0900 000 001,Bí thư
            Đoàn cơ sở Bệnh viện Ung bướu,,,,Trần Thị Thử,0900000002,Phó Bí thư
            "Chi đoàn cơ sở Sở Tài nguyên và Môi trường, TP Cần Thơ",ChiDoanCoSo,Cụm Khối,35,,,
            """.Normalize(form);

        var response = await client.PostAsync($"/api/organisations/{org}/units/import-csv", Csv(csv, bom)).AssertStatusAsync(HttpStatusCode.OK);

        var result = await response.JsonAsync();
        Assert.Equal(2, (int)result["unitsCreated"]!);
        Assert.Equal(2, (int)result["contactsCreated"]!);
        await using var db = app.Db();
        var units = await db.Units.Include(u => u.Contacts).OrderBy(u => u.Id).ToListAsync();
        Assert.Equal("Đoàn cơ sở Bệnh viện Ung bướu", units[0].Name);
        Assert.True(units[0].Name.IsNormalized(NormalizationForm.FormC));
        Assert.Equal(Core.Plan.UnitKind.DoanCoSo, units[0].Kind);
        Assert.Equal(120, units[0].MemberCount);
        Assert.Equal(["Nguyễn Văn Mẫu", "Trần Thị Thử"], units[0].Contacts.OrderBy(c => c.Id).Select(c => c.Name));
        Assert.Equal("Chi đoàn cơ sở Sở Tài nguyên và Môi trường, TP Cần Thơ", units[1].Name);
        Assert.Equal(Core.Plan.UnitKind.ChiDoanCoSo, units[1].Kind);
    }

    [Fact]
    public async Task Importing_again_updates_units_instead_of_duplicating_them()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        await PlanSetup.UnitAsync(client, org, "Đoàn phường Tân Quý");
        var response = await client.PostAsync($"/api/organisations/{org}/units/import-csv",
            Csv("unit;members;contact\nđoàn phường tân quý;45;Đỗ Văn Mẫu\n", bom: false)).AssertStatusAsync(HttpStatusCode.OK);
        var result = await response.JsonAsync();
        Assert.Equal(0, (int)result["unitsCreated"]!);
        Assert.Equal(1, (int)result["unitsUpdated"]!);
        await using var db = app.Db();
        Assert.Equal(45, (await db.Units.SingleAsync()).MemberCount);
    }

    [Fact]
    public async Task A_bad_line_is_reported_with_its_line_number_and_nothing_is_written()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var csv = "unit,kind,members,contact,phone\n"
                  + "Đoàn phường Hiệp Tân,DoanCoSo,40,Nguyễn Văn Mẫu,0900000051\n"
                  + "Đoàn phường Hòa Thạnh,Liên đoàn,mười,,\n"
                  + ",DoanCoSo,10,,\n";

        var response = await client.PostAsync($"/api/organisations/{org}/units/import-csv", Csv(csv, bom: true));

        var line3 = await response.AssertFieldErrorAsync("line 3");
        Assert.Contains("Dòng 3", line3);
        Assert.Contains("Liên đoàn", line3);
        Assert.Contains("mười", line3);
        await response.AssertFieldErrorAsync("line 4");
        await using var db = app.Db();
        Assert.Equal(0, await db.Units.CountAsync());
        Assert.Equal(0, await db.Contacts.CountAsync());
    }

    [Fact]
    public async Task A_file_that_is_not_UTF8_or_has_no_unit_column_is_refused()
    {
        var client = await app.ClientAsync();
        var org = await PlanSetup.OrganisationAsync(client);
        var latin1 = new ByteArrayContent([.. "unit\n"u8.ToArray(), 0x44, 0xE9, 0x0A]);
        await (await client.PostAsync($"/api/organisations/{org}/units/import-csv", latin1)).AssertFieldErrorAsync("file");
        await (await client.PostAsync($"/api/organisations/{org}/units/import-csv", Csv("name,phone\nA,1\n", bom: false))).AssertFieldErrorAsync("line 1");
        await (await client.PostAsync($"/api/organisations/{org}/units/import-csv", Csv("", bom: false))).AssertFieldErrorAsync("file");
    }
}
