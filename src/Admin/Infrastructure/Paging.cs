using Microsoft.EntityFrameworkCore;
using YouthMonth.Core.Plan;

namespace YouthMonth.Admin.Infrastructure;

/// <summary>One page of a list: the items, where the page is, and how many there are in all.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int PageNumber, int PageSize, int Total);

public static class Paging
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 500;

    /// <summary>Checks ?page=&amp;pageSize= (1-based page; 1..500 items), adding errors named after the query parameters.</summary>
    public static (int Page, int PageSize) Check(FieldErrors errors, int? page, int? pageSize)
    {
        if (page is < 1) errors.Add("page", "Trang bắt đầu từ 1.");
        if (pageSize is < 1 or > MaxPageSize) errors.Add("pageSize", $"Số dòng mỗi trang từ 1 đến {MaxPageSize}.");
        return (page ?? 1, pageSize ?? DefaultPageSize);
    }

    /// <summary>
    /// Rows before the page, in 64 bits: (page - 1) × pageSize overflows an int from page ≈ 4.3 million (500 a page),
    /// which gave a negative OFFSET (500) or, wrapped positive, the wrong page. Past int.MaxValue rows the page is empty.
    /// </summary>
    public static int? Offset(int page, int pageSize)
    {
        var offset = ((long)page - 1) * pageSize;
        return offset is >= 0 and <= int.MaxValue ? (int)offset : null;
    }

    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(this IQueryable<T> query, int page, int pageSize,
        Func<T, TOut> map, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = Offset(page, pageSize) is { } offset && offset < total
            ? await query.Skip(offset).Take(pageSize).ToListAsync(ct)
            : [];
        return new Page<TOut>([.. items.Select(map)], page, pageSize, total);
    }

    public static Page<TOut> ToPage<T, TOut>(this IReadOnlyList<T> all, int page, int pageSize, Func<T, TOut> map) =>
        new(Offset(page, pageSize) is { } offset ? [.. all.Skip(offset).Take(pageSize).Select(map)] : [], page, pageSize, all.Count);
}
