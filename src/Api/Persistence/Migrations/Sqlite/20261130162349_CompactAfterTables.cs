using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Restaurant.Api.Persistence.Migrations.Sqlite
{
    /// <summary>
    /// SQLite only: the Tables migration rebuilt Orders and Tenders (SQLite drops a column by copying its table), which
    /// leaves the old tables' pages free inside the file. VACUUM gives them back, so the file is no larger than its data.
    /// It needs the migration's own transaction out of the way, so it runs in a migration of its own, after the rebuild.
    /// </summary>
    public partial class CompactAfterTables : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder) => migrationBuilder.Sql("VACUUM;", suppressTransaction: true);

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: VACUUM changes no schema.
        }
    }
}
