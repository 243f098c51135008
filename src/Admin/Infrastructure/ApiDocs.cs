using Microsoft.Extensions.Options;
using YouthMonth.Admin.Auth;

namespace YouthMonth.Admin.Infrastructure;

public enum ApiDocsAccess { Anonymous, ApiKey, Off }

/// <summary>Configuration section "ApiDocs": who may read Swagger UI and the OpenAPI document.</summary>
public sealed class ApiDocsOptions
{
    public const string Section = "ApiDocs";

    /// <summary>Null: Anonymous in Development, ApiKey elsewhere (the document maps every route an attacker could try).</summary>
    public ApiDocsAccess? Access { get; set; }

    public ApiDocsAccess EffectiveAccess(IHostEnvironment env) =>
        Access ?? (env.IsDevelopment() ? ApiDocsAccess.Anonymous : ApiDocsAccess.ApiKey);
}

/// <summary>Swagger UI at /swagger and the document at /openapi/v1.json, as <see cref="ApiDocsOptions"/> allows.</summary>
public static class ApiDocs
{
    public static void AddApiDocs(this IServiceCollection services)
    {
        services.AddOptions<ApiDocsOptions>().BindConfiguration(ApiDocsOptions.Section).ValidateOnStart();
        services.AddOpenApi(o => o.AddDocumentTransformer<ApiKeySecurityTransformer>());
    }

    // The page holds no data. Under ApiKey it asks for the key once per tab, so that fetching the document (which
    // the "Authorize" button does not cover) and every "Try it out" carry it.
    private const string AskForKey = """
        (request) => {
          if (!request.headers['X-Api-Key']) {
            let key = sessionStorage.getItem('ym.apiKey');
            if (!key) { key = prompt('API key (ym_…)'); if (key) sessionStorage.setItem('ym.apiKey', key); }
            if (key) request.headers['X-Api-Key'] = key;
          }
          return request;
        }
        """;

    public static void UseApiDocsUi(this WebApplication app)
    {
        var access = app.Services.GetRequiredService<IOptions<ApiDocsOptions>>().Value.EffectiveAccess(app.Environment);
        if (access == ApiDocsAccess.Off) return;
        app.UseSwaggerUI(o =>
        {
            o.RoutePrefix = "swagger";
            o.SwaggerEndpoint("/openapi/v1.json", "YouthMonth Admin API");
            if (access == ApiDocsAccess.ApiKey) o.Interceptors.RequestInterceptorFunction = AskForKey;
        });
    }

    public static void MapApiDocs(this IEndpointRouteBuilder app)
    {
        var options = app.ServiceProvider.GetRequiredService<IOptions<ApiDocsOptions>>().Value;
        var access = options.EffectiveAccess(app.ServiceProvider.GetRequiredService<IHostEnvironment>());
        if (access == ApiDocsAccess.Off) return;
        var document = app.MapOpenApi();
        if (access == ApiDocsAccess.Anonymous) document.AllowAnonymous();
        else document.RequireAuthorization(AuthPolicies.Viewer);
    }
}
