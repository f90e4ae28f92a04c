// Temporary: keeps recforge_ui non-empty until the shell lands.
namespace recforge::ui {
int placeholder() { return 0; }
} // namespace recforge::ui
