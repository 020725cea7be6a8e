import Root from "./empty-state.svelte";
import Actions from "./empty-state-actions.svelte";
import Description from "./empty-state-description.svelte";
import Title from "./empty-state-title.svelte";

export {
  Root,
  Title,
  Description,
  Actions,
  Root as EmptyState,
  Title as EmptyStateTitle,
  Description as EmptyStateDescription,
  Actions as EmptyStateActions,
};
