using YouthMonth.Bot.Extensions;

var builder = WebApplication.CreateBuilder(args);
builder.AddApplicationServices();

var app = builder.Build();
await app.PrepareDatabaseAsync();

app.MapHealthApi();
app.MapFrontPage();
app.MapBotEndpoints();

app.Run();

public partial class Program;
