using System.Globalization;
using CsvHelper;

namespace YouthMonth.Core.Plan;

/// <summary>One line of a units-and-contacts CSV: a unit, optionally with one of its contacts.</summary>
public sealed record UnitCsvRow(int Line, string Unit, UnitKind? Kind, string? Cluster, int? MemberCount,
    string? Contact, string? Phone, string? Role);

/// <summary>
/// Reads the CSV office staff keep their unit list in. UTF-8 with or without BOM, a header row, comma or
/// semicolon separated (Excel in Vietnamese locale writes semicolons). Columns (case-insensitive, any order):
/// unit (required), kind (DoanCoSo, ChiDoanCoSo, ChiDoan, Other — or "Đoàn cơ sở", "Chi đoàn cơ sở", "Chi đoàn"),
/// cluster, members, contact, phone, role. A unit appearing on several lines gets each line's contact.
/// Errors name the line number as a spreadsheet shows it (the header is line 1).
/// </summary>
public static class UnitCsv
{
    public static (List<UnitCsvRow> Rows, FieldErrors Errors) Read(string text)
    {
        var rows = new List<UnitCsvRow>();
        var errors = new FieldErrors();
        // PostgreSQL cannot store U+0000; name the first line that has one rather than fail on saving.
        if (text.IndexOf('\0', StringComparison.Ordinal) is var nul and >= 0)
        {
            var line = text.AsSpan(0, nul).Count('\n') + 1;
            errors.Add($"line {line}", $"Dòng {line}: {Text.StorableText.Problem}");
            return (rows, errors);
        }
        var options = new CsvReaderOptions { TrimWhitespace = true, TrackLineNumbers = true };
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), options);
        try
        {
            var headers = csv.Headers;
            if (headers.Count == 0)
            {
                errors.Add("file", "Tệp CSV trống; dòng đầu phải là tiêu đề cột (unit,kind,cluster,members,contact,phone,role).");
                return (rows, errors);
            }
            if (!csv.TryGetFieldIndex("unit", out _))
            {
                errors.Add("line 1", "Thiếu cột \"unit\" (tên đơn vị) trong dòng tiêu đề.");
                return (rows, errors);
            }
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                string? Field(string name) => csv.TryGetFieldIndex(name, out var i) && i < csv.FieldCount
                    && csv.GetStringOrNull(i) is { } v && !string.IsNullOrWhiteSpace(v) ? Text.VietnameseText.Clean(v) : null;
                var field = $"line {line}";
                var unit = Field("unit");
                if (unit is null) { errors.Add(field, $"Dòng {line}: thiếu tên đơn vị (cột unit)."); continue; }
                if (unit.Length > PlanRules.MaxNameLength) errors.Add(field, $"Dòng {line}: tên đơn vị dài quá {PlanRules.MaxNameLength} ký tự.");

                UnitKind? kind = null;
                if (Field("kind") is { } kindText)
                {
                    kind = ParseKind(kindText);
                    if (kind is null) errors.Add(field, $"Dòng {line}: loại đơn vị \"{kindText}\" không hợp lệ (DoanCoSo, ChiDoanCoSo, ChiDoan, Other).");
                }
                int? members = null;
                if (Field("members") is { } membersText)
                {
                    if (int.TryParse(membersText.Replace(".", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var n))
                        members = n;
                    else errors.Add(field, $"Dòng {line}: số đoàn viên \"{membersText}\" không phải số nguyên không âm.");
                }
                var contact = Field("contact");
                var phone = Field("phone");
                var role = Field("role");
                if (contact is null && (phone is not null || role is not null))
                    errors.Add(field, $"Dòng {line}: có số điện thoại hoặc chức vụ nhưng thiếu tên người liên hệ (cột contact).");
                if (phone is { Length: > 32 }) errors.Add(field, $"Dòng {line}: số điện thoại dài quá 32 ký tự.");
                if (contact is { Length: > 200 }) errors.Add(field, $"Dòng {line}: tên người liên hệ dài quá 200 ký tự.");
                var cluster = Field("cluster");
                if (cluster is { Length: > 100 }) errors.Add(field, $"Dòng {line}: tên cụm dài quá 100 ký tự.");
                rows.Add(new UnitCsvRow(line, unit, kind, cluster, members, contact, phone, role));
            }
        }
        catch (CsvFormatException ex)
        {
            errors.Add("file", $"Không đọc được CSV: {ex.Message}");
        }
        if (rows.Count == 0 && !errors.Any) errors.Add("file", "Tệp CSV không có dòng dữ liệu nào.");
        return (rows, errors);
    }

    public static UnitKind? ParseKind(string text)
    {
        if (Enum.TryParse<UnitKind>(text, ignoreCase: true, out var k) && !int.TryParse(text, out _)) return k;
        return Text.VietnameseText.Fold(text) switch
        {
            "doan co so" or "dcs" => UnitKind.DoanCoSo,
            "chi doan co so" or "cdcs" => UnitKind.ChiDoanCoSo,
            "chi doan" or "chi doan khu pho" => UnitKind.ChiDoan,
            "khac" => UnitKind.Other,
            _ => null,
        };
    }
}
