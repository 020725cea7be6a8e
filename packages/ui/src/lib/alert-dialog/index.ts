import { AlertDialog as AlertDialogPrimitive } from "bits-ui";
import Footer from "../dialog/dialog-footer.svelte";
import Header from "../dialog/dialog-header.svelte";
import Action from "./alert-dialog-action.svelte";
import Cancel from "./alert-dialog-cancel.svelte";
import Content from "./alert-dialog-content.svelte";
import Description from "./alert-dialog-description.svelte";
import Title from "./alert-dialog-title.svelte";

// A dialog that asks before something destructive: role alertdialog, focus starts on Cancel,
// and a click outside does not dismiss it.
const Root = AlertDialogPrimitive.Root;
const Trigger = AlertDialogPrimitive.Trigger;

export {
  Root,
  Trigger,
  Content,
  Header,
  Footer,
  Title,
  Description,
  Action,
  Cancel,
  Root as AlertDialog,
  Trigger as AlertDialogTrigger,
  Content as AlertDialogContent,
  Header as AlertDialogHeader,
  Footer as AlertDialogFooter,
  Title as AlertDialogTitle,
  Description as AlertDialogDescription,
  Action as AlertDialogAction,
  Cancel as AlertDialogCancel,
};
