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

    public static async Task<Page<TOut>> ToPageAsync<T, TOut>(this IQueryable<T> query, int page, int pageSize,
        Func<T, TOut> map, CancellationToken ct)
    {
        var total = await query.CountAsync(ct);
        var items = await query.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<TOut>([.. items.Select(map)], page, pageSize, total);
    }

    public static Page<TOut> ToPage<T, TOut>(this IReadOnlyList<T> all, int page, int pageSize, Func<T, TOut> map) =>
        new([.. all.Skip((page - 1) * pageSize).Take(pageSize).Select(map)], page, pageSize, all.Count);
}
