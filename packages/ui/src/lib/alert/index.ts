import Root, { alertVariants, type AlertVariant } from "./alert.svelte";
import Description from "./alert-description.svelte";
import Title from "./alert-title.svelte";

export {
  Root,
  Title,
  Description,
  Root as Alert,
  Title as AlertTitle,
  Description as AlertDescription,
  alertVariants,
  type AlertVariant,
};
