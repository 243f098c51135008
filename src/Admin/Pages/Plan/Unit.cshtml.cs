using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using YouthMonth.Admin.Apis;
using YouthMonth.Admin.Infrastructure;
using YouthMonth.Admin.Web;
using YouthMonth.Core.Persistence;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Pages.Plan;

/// <summary>One unit and its contacts, edited through UnitsApi and ContactsApi (a new phone, a new secretary, a unit that stops).</summary>
public sealed class UnitModel(YouthMonthDb db) : OfficePage
{
    public sealed class UnitForm
    {
        public string? Name { get; set; }
        public UnitKind? Kind { get; set; }
        public string? Cluster { get; set; }
        public int? MemberCount { get; set; }
        public bool Active { get; set; }
        public uint? Version { get; set; }
    }

    public sealed class ContactForm
    {
        public int? ContactId { get; set; }
        public string? Name { get; set; }
        public string? Phone { get; set; }
        public string? Role { get; set; }
        public bool Active { get; set; }
        public uint? Version { get; set; }
    }

    public int Id { get; private set; }
    public int? CampaignId { get; private set; }
    public UnitForm Form { get; private set; } = new();
    public List<ContactForm> Contacts { get; private set; } = [];
    /// <summary>Which form the errors belong to: null the unit's, 0 the new contact's, else that contact's.</summary>
    public int? ErrorsOf { get; private set; }
    public ContactForm NewContact { get; private set; } = new() { Active = true };

    public async Task<IActionResult> OnGetAsync(int id, int? campaignId, CancellationToken ct) =>
        await LoadAsync(id, campaignId, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(int id, int? campaignId, UnitForm form, CancellationToken ct)
    {
        if (!await LoadAsync(id, campaignId, ct)) return NotFound();
        Form = form;
        if (TakeBindingErrors()) return Page();
        var request = new UnitRequest(null, form.Name, form.Kind, form.Cluster, form.MemberCount, form.Active, form.Version);
        try
        {
            if (Take<UnitResponse>((await UnitsApi.UpdateUnit(db, HttpContext, id, request, ct)).Result) is { } saved)
                return RedirectWithFlash($"Đã lưu đơn vị \"{saved.Name}\".", "/Plan/Unit", new { id, campaignId });
        }
        catch (DbUpdateConcurrencyException) { Conflicted(); }
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync(int id, int? campaignId, ContactForm contact, CancellationToken ct)
    {
        if (!await LoadAsync(id, campaignId, ct)) return NotFound();
        ErrorsOf = contact.ContactId ?? 0;
        if (TakeBindingErrors()) return Page();
        try
        {
            if (contact.ContactId is { } cid)
            {
                var request = new ContactRequest(null, contact.Name, contact.Phone, contact.Role, contact.Active, contact.Version);
                if (Take<ContactResponse>((await ContactsApi.UpdateContact(db, HttpContext, cid, request, ct)).Result) is { } saved)
                    return RedirectWithFlash($"Đã lưu người liên hệ \"{saved.Name}\".", "/Plan/Unit", new { id, campaignId });
                Contacts = [.. Contacts.Select(c => c.ContactId == cid ? contact : c)];
            }
            else
            {
                var request = new ContactRequest(id, contact.Name, contact.Phone, contact.Role, true, null);
                if (Take<ContactResponse>((await ContactsApi.CreateContact(db, request, ct)).Result) is { } made)
                    return RedirectWithFlash($"Đã thêm người liên hệ \"{made.Name}\"; tạo mã mời ở trang Mời tham gia.", "/Plan/Unit", new { id, campaignId });
                NewContact = contact;
            }
        }
        catch (DbUpdateConcurrencyException) { Conflicted(); }
        return Page();
    }

    private async Task<bool> LoadAsync(int id, int? campaignId, CancellationToken ct)
    {
        var unit = Take<UnitResponse>((await UnitsApi.GetUnit(db, id, ct)).Result);
        if (unit is null) return false;
        (Id, CampaignId) = (id, campaignId);
        Form = new UnitForm { Name = unit.Name, Kind = unit.Kind, Cluster = unit.Cluster, MemberCount = unit.MemberCount, Active = unit.Active, Version = unit.Version };
        Contacts = [.. Items<ContactResponse>((await ContactsApi.ListContacts(db, id, null, null, null, 1, Paging.MaxPageSize, ct)).Result)
            .Select(c => new ContactForm { ContactId = c.Id, Name = c.Name, Phone = c.Phone, Role = c.Role, Active = c.Active, Version = c.Version })];
        return true;
    }

    public static string KindName(UnitKind kind) => kind switch
    {
        UnitKind.DoanCoSo => "Đoàn cơ sở", UnitKind.ChiDoanCoSo => "Chi đoàn cơ sở", UnitKind.ChiDoan => "Chi đoàn", _ => "Khác",
    };
}
