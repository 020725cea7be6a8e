// Compound components come as namespaces (`<Dialog.Content>`) and as prefixed names (`DialogContent`).
import * as Accordion from "./lib/accordion/index.ts";
import * as AlertDialog from "./lib/alert-dialog/index.ts";
import * as Card from "./lib/card/index.ts";
import * as Dialog from "./lib/dialog/index.ts";
import * as EmptyState from "./lib/empty-state/index.ts";
import * as Table from "./lib/table/index.ts";

export { Accordion, AlertDialog, Card, Dialog, EmptyState, Table };
export { AccordionContent, AccordionItem, AccordionTrigger } from "./lib/accordion/index.ts";
export {
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
  AlertDialogTrigger,
} from "./lib/alert-dialog/index.ts";
export {
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
} from "./lib/card/index.ts";
export {
  DialogClose,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  DialogTrigger,
} from "./lib/dialog/index.ts";
export {
  EmptyStateActions,
  EmptyStateDescription,
  EmptyStateTitle,
} from "./lib/empty-state/index.ts";
export {
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "./lib/table/index.ts";
export {
  Alert,
  AlertDescription,
  AlertTitle,
  alertVariants,
  type AlertVariant,
} from "./lib/alert/index.ts";
export { Badge, badgeVariants, type BadgeVariant } from "./lib/badge/index.ts";
export { Button, buttonVariants, type ButtonSize, type ButtonVariant } from "./lib/button/index.ts";
export { Input } from "./lib/input/index.ts";
export { Label } from "./lib/label/index.ts";
export { NativeSelect } from "./lib/select/index.ts";
export {
  Progress,
  progressPercent,
  progressVariants,
  type ProgressTone,
} from "./lib/progress/index.ts";
export { Skeleton } from "./lib/skeleton/index.ts";
export {
  Toaster,
  ToastState,
  setToaster,
  useToaster,
  type Toast,
  type ToastKind,
} from "./lib/toast/index.ts";
export { cn } from "./lib/utils/cn.ts";
export type { WithElementRef } from "./lib/utils/types.ts";
